#include "links.hpp"

#include <array>

namespace cvc {

namespace {

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size())
    return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i])
      return false;
  }
  return true;
}

// Returns the length of a URL scheme and its colon (`https:`), or zero.
size_t scheme_length(std::string_view url) {
  for (size_t i = 0; i < url.size(); ++i) {
    char c = url[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (c == ':')
      return i > 0 ? i + 1 : 0;
    if (!letter && !(i > 0 && other))
      return 0;
  }
  return 0;
}

struct NetworkPattern {
  std::string_view name;
  std::string_view prefix;
};

// Profile URL prefixes, as RenderCV derives them from network + username.
constexpr std::array<NetworkPattern, 15> kNetworks = {{
    {"LinkedIn", "https://linkedin.com/in/"},
    {"GitHub", "https://github.com/"},
    {"GitLab", "https://gitlab.com/"},
    {"IMDB", "https://imdb.com/name/"},
    {"Instagram", "https://instagram.com/"},
    {"ORCID", "https://orcid.org/"},
    {"Mastodon", ""},
    {"StackOverflow", "https://stackoverflow.com/users/"},
    {"ResearchGate", "https://researchgate.net/profile/"},
    {"YouTube", "https://youtube.com/@"},
    {"Google Scholar", "https://scholar.google.com/citations?user="},
    {"Telegram", "https://t.me/"},
    {"X", "https://x.com/"},
    {"Bluesky", "https://bsky.app/profile/"},
    {"Leetcode", "https://leetcode.com/u/"},
}};

} // namespace

std::string website_url(std::string_view website) {
  if (scheme_length(website) > 0 && website.find("://") != std::string::npos)
    return std::string(website);
  if (website.substr(0, 2) == "//")
    return "https:" + std::string(website);
  return "https://" + std::string(website);
}

std::string website_display(std::string_view website) {
  std::string_view shown = website;
  if (starts_with_ignoring_case(shown, "https://"))
    shown.remove_prefix(8);
  else if (starts_with_ignoring_case(shown, "http://"))
    shown.remove_prefix(7);
  if (!shown.empty() && shown.back() == '/')
    shown.remove_suffix(1);
  return std::string(shown);
}

std::string mailto_url(std::string_view email) {
  if (starts_with_ignoring_case(email, "mailto:"))
    email.remove_prefix(7);
  return "mailto:" + std::string(email);
}

std::string tel_url(std::string_view phone) {
  if (starts_with_ignoring_case(phone, "tel:"))
    phone.remove_prefix(4);
  std::string out = "tel:";
  for (char c : phone)
    if ((c >= '0' && c <= '9') || (c == '+' && out.size() == 4))
      out += c;
  return out;
}

std::string doi_url(std::string_view doi) {
  for (std::string_view prefix :
       {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
        "http://dx.doi.org/", "doi:"}) {
    if (starts_with_ignoring_case(doi, prefix)) {
      doi.remove_prefix(prefix.size());
      break;
    }
  }
  // `#`, `?` and `%` may occur in a DOI but mean something else in a URL.
  std::string encoded;
  for (char c : doi) {
    if (c == '#')
      encoded += "%23";
    else if (c == '?')
      encoded += "%3F";
    else if (c == '%')
      encoded += "%25";
    else
      encoded += c;
  }
  return "https://doi.org/" + encoded;
}

bool is_known_social_network(std::string_view network) {
  for (const NetworkPattern& pattern : kNetworks)
    if (pattern.name == network)
      return true;
  return false;
}

const std::vector<std::string_view>& social_network_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const NetworkPattern& pattern : kNetworks)
      out.push_back(pattern.name);
    return out;
  }();
  return names;
}

std::string social_network_url(std::string_view network,
                               std::string_view username) {
  if (network == "Mastodon") {
    // `@user@host` gives `https://host/@user`.
    std::string_view account = username;
    if (!account.empty() && account.front() == '@')
      account.remove_prefix(1);
    size_t at = account.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == account.size())
      return {};
    return "https://" + std::string(account.substr(at + 1)) + "/@" +
           std::string(account.substr(0, at));
  }
  // YouTube and others put an `@` in the URL; a username typed with one
  // keeps a single `@`.
  if (network == "YouTube" && !username.empty() && username.front() == '@')
    username.remove_prefix(1);
  for (const NetworkPattern& pattern : kNetworks)
    if (pattern.name == network)
      return std::string(pattern.prefix) + std::string(username);
  return {};
}

bool is_safe_link(std::string_view url) {
  // Browsers ignore blanks and control characters around and inside a
  // scheme (`java\tscript:`), so those are removed before the check.
  std::string scheme;
  for (char c : url) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte <= 0x20)
      continue;
    if (c == ':')
      break;
    if (c == '/' || c == '?' || c == '#')
      return true; // no scheme: a relative URL
    scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (scheme.size() == url.size())
    return true;
  bool has_colon = url.find(':') != std::string_view::npos;
  if (!has_colon)
    return true;
  return scheme == "http" || scheme == "https" || scheme == "mailto" ||
         scheme == "tel";
}

} // namespace cvc
