// Link targets built from CV values: websites, e-mail, phone, DOI and
// social profiles.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cvc {

/// Returns the website with `https://` added when it has no scheme.
std::string website_url(std::string_view website);

/// Returns the website without its scheme and trailing slash, for display.
std::string website_display(std::string_view website);

/// Returns `mailto:` followed by the address, with `mailto:` never doubled.
std::string mailto_url(std::string_view email);

/// Returns `tel:` followed by the digits and a leading `+` of the number.
std::string tel_url(std::string_view phone);

/// Returns `https://doi.org/` followed by the DOI, which may be given bare,
/// as `doi:...` or already as a doi.org URL.
std::string doi_url(std::string_view doi);

/// Returns whether a link target is safe to keep in any output: http,
/// https, mailto, tel, or a relative URL. `javascript:`, `data:` and other
/// schemes are not.
bool is_safe_link(std::string_view url);

/// Returns the profile URL of a social network account, or an empty string
/// for a network this project does not know.
std::string social_network_url(std::string_view network,
                               std::string_view username);

/// Returns whether `network` is a known social network name.
bool is_known_social_network(std::string_view network);

/// The known social network names, for suggestions.
const std::vector<std::string_view>& social_network_names();

} // namespace cvc
