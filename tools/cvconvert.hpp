// The subcommands of cvconvert, each a main function of its own.
#pragma once

namespace cvc::tool {

/// `cvconvert build CV -o DIR`: every output format into one folder.
int run_build(int argc, char** argv);

} // namespace cvc::tool
