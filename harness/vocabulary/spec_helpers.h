// Short constructors for the action and query tables (specs.h), so each
// table reads as a list of parameters with their help.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "harness/vocabulary/specs.h"

namespace tiersim::harness::spec {

inline ParamSpec Required(std::string name, ParamType type, std::string help,
                          std::vector<CastRole> roles = {}) {
  return {.name = std::move(name),
          .type = type,
          .required = true,
          .help = std::move(help),
          .roles = std::move(roles)};
}

inline ParamSpec Optional(std::string name, ParamType type, std::string help,
                          std::string default_help,
                          std::vector<CastRole> roles = {}) {
  return {.name = std::move(name),
          .type = type,
          .help = std::move(help),
          .roles = std::move(roles),
          .default_help = std::move(default_help)};
}

inline ParamSpec Enum(std::string name, std::vector<std::string> values,
                      std::string help, std::string default_help) {
  return {.name = std::move(name),
          .type = ParamType::kEnum,
          .help = std::move(help),
          .values = std::move(values),
          .default_help = std::move(default_help)};
}

inline const std::vector<CastRole> kPartners = {
    CastRole::kProvider, CastRole::kReseller, CastRole::kDirectPartner,
    CastRole::kApplicant};
inline const std::vector<CastRole> kProviders = {CastRole::kProvider,
                                                 CastRole::kApplicant};
inline const std::vector<CastRole> kResellers = {
    CastRole::kReseller, CastRole::kApplicant, CastRole::kDirectPartner};
inline const std::vector<CastRole> kCustomers = {CastRole::kCustomer};
inline const std::vector<CastRole> kUsers = {CastRole::kUser};

}  // namespace tiersim::harness::spec

// The actor's session, or the step fails with the sign-in's error.
#define TIERSIM_ACTOR_SESSION(var, ctx) \
  TIERSIM_ASSIGN_OR_RETURN(const sim::SessionRef var, (ctx).Session())
