// Actor: a simulated person — a provider's or reseller's admin or user, a
// customer's global admin, an applicant's primary contact — doing what a
// person does through a Client: sign in (changing a temporary password when
// Azure AD insists), open the newest email of a kind, read the personalised
// link out of its text, and keep what a confirmation page showed once.
//
// The scenario runner gives each cast member an Actor; the same actor code
// runs in process and over the network (the Client decides which). An Actor
// borrows its Client, which must outlive it. Single-threaded.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/client.h"

namespace tiersim::sim {

struct Person {
  std::string name;      // the cast name: "fabrikam", "nadia"
  std::string upn;       // sign-in name, also the mailbox address
  std::string password;  // the current password (temporary until changed)
  // The password chosen when Azure AD forces a change at first sign-in.
  std::string next_password;
};

class Actor {
 public:
  Actor(Person person, Client& client)
      : person_(std::move(person)), client_(&client) {}

  const Person& person() const { return person_; }
  Person& person() { return person_; }
  Client& client() { return *client_; }

  // The person's session, signing in first if needed. A temporary password
  // is changed to next_password first, as the sign-in page forces (F10).
  Result<SessionRef> Session();
  // Signs in explicitly, without changing a temporary password: a refused
  // sign-in (wrong or temporary password) is returned as it is.
  Result<SessionRef> SignIn(std::string_view password);
  // Changes the password to `new_password` (next_password when empty).
  Status ChangePassword(std::string_view new_password);
  // Forgets the session (signs out); the next call signs in again.
  void SignOut() { session_.reset(); }

  // Opens the newest email in `mailbox` (the person's own when empty) whose
  // kind is one of `kinds` ("partnership-invitation"; none = any) and that
  // matches the mail search `query` (none = all), or the `nth` newest such
  // (1 = the newest); marks it read and returns the first link in its text.
  // kNotFound when there is none.
  Result<std::string> FollowLatestLink(
      const std::vector<std::string_view>& kinds, std::string_view mailbox = {},
      std::string_view query = {}, int nth = 1);

 private:
  Person person_;
  Client* client_;
  std::optional<SessionRef> session_;
};

}  // namespace tiersim::sim
