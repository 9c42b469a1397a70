#pragma once
// Jobseeker profiles. Every field that identifies a person is sealed with the device key before
// it reaches SQLite (FieldCipher); skills and language stay readable because matching needs them
// and they identify no one. Nothing here is indexed for search or written to logs.
#include <string>
#include <vector>

#include "domain/person.hpp"
#include "store/database.hpp"
#include "store/field_cipher.hpp"

namespace dc::store {
using namespace ::dc::domain;

using domain::Profile;

// Inserts or replaces the profile `profile.id`. Refuses invalid UTF-8 and oversized fields.
Expected<void> saveProfile(Database& db, const FieldCipher& cipher, const Profile& profile);
Expected<Profile> loadProfile(const Database& db, const FieldCipher& cipher, const std::string& id);
// Erases a profile (the person asked, or the retention time passed). True if one existed.
Expected<bool> deleteProfile(Database& db, const std::string& id);

}  // namespace dc::store
