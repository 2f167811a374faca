#include "tests/common/raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <fstream>

namespace tiersim::testing {

RawConnection::RawConnection(int port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) return;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    Close();
    return;
  }
  int yes = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
}

RawConnection::RawConnection(RawConnection&& other) noexcept
    : fd_(other.fd_), buffer_(std::move(other.buffer_)) {
  other.fd_ = -1;
}

RawConnection::~RawConnection() { Close(); }

void RawConnection::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

bool RawConnection::Send(std::string_view bytes) {
  while (!bytes.empty() && fd_ >= 0) {
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return bytes.empty();
}

namespace {

// Waits until `fd` is readable or `deadline` passes, then reads once:
// the byte count, 0 on close or reset, -1 on timeout.
ssize_t ReadOnce(int fd, std::chrono::steady_clock::time_point deadline,
                 std::string& into) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  if (fd < 0 || left.count() <= 0) return -1;
  pollfd p{.fd = fd, .events = POLLIN, .revents = 0};
  if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return -1;
  char chunk[16384];
  const ssize_t n = ::recv(fd, chunk, sizeof(chunk), 0);
  if (n <= 0) return 0;
  into.append(chunk, static_cast<std::size_t>(n));
  return n;
}

}  // namespace

bool RawConnection::Fill(std::chrono::steady_clock::time_point deadline) {
  return ReadOnce(fd_, deadline, buffer_) > 0;
}

std::optional<std::string> RawConnection::ReadResponse(
    std::chrono::milliseconds timeout, bool to_head) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::size_t head_end = std::string::npos;
  while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!Fill(deadline)) return std::nullopt;
  }
  head_end += 4;
  const std::string length =
      HeaderOf(std::string_view(buffer_).substr(0, head_end), "Content-Length");
  const std::size_t body = length.empty() || to_head ? 0 : std::stoul(length);
  while (buffer_.size() < head_end + body) {
    if (!Fill(deadline)) return std::nullopt;
  }
  std::string response = buffer_.substr(0, head_end + body);
  buffer_.erase(0, head_end + body);
  return response;
}

std::optional<std::string> RawConnection::ReadUntil(
    std::string_view marker, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::size_t at = std::string::npos;
  while ((at = buffer_.find(marker)) == std::string::npos) {
    if (!Fill(deadline)) return std::nullopt;
  }
  std::string out = buffer_.substr(0, at + marker.size());
  buffer_.erase(0, at + marker.size());
  return out;
}

bool RawConnection::WaitForClose(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string discarded;
  while (true) {
    const ssize_t n = ReadOnce(fd_, deadline, discarded);
    if (n == 0) return true;
    if (n < 0) return false;
    discarded.clear();
  }
}

int StatusOf(std::string_view response) {
  if (!response.starts_with("HTTP/1.") || response.size() < 12) return 0;
  return std::atoi(std::string(response.substr(9, 3)).c_str());
}

std::string BodyOf(std::string_view response) {
  const std::size_t at = response.find("\r\n\r\n");
  return at == std::string_view::npos ? std::string()
                                      : std::string(response.substr(at + 4));
}

std::string HeaderOf(std::string_view response, std::string_view name) {
  std::size_t start = response.find("\r\n");
  while (start != std::string_view::npos) {
    start += 2;
    const std::size_t end = response.find("\r\n", start);
    if (end == std::string_view::npos || end == start) break;
    const std::string_view line = response.substr(start, end - start);
    const std::size_t colon = line.find(':');
    if (colon == name.size()) {
      bool same = true;
      for (std::size_t i = 0; i < colon; ++i) {
        same = same && std::tolower(static_cast<unsigned char>(line[i])) ==
                           std::tolower(static_cast<unsigned char>(name[i]));
      }
      if (same) {
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        return std::string(value);
      }
    }
    start = end;
  }
  return "";
}

std::size_t RaiseFileLimit() {
  rlimit limit{};
  ::getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &limit);
  ::getrlimit(RLIMIT_NOFILE, &limit);
  return static_cast<std::size_t>(limit.rlim_cur);
}

std::size_t ResidentKiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::stoul(line.substr(6));
  }
  return 0;
}

}  // namespace tiersim::testing
