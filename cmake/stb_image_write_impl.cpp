// The stb_image_write implementation, for header-only stb packages (vcpkg). Debian's
// libstb already contains it, so this file is only built when that is not used.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>
