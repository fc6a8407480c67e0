// The translation helpers (src/i18n) under the names the dashboard's code uses.
#pragma once

#include "i18n/i18n.h"
#include "i18n/trf.h"

namespace cp::app {
using cp::i18n::tr;
using cp::i18n::trf;
using cp::i18n::trId;
}  // namespace cp::app

namespace cp::chart {
using cp::i18n::tr;
using cp::i18n::trf;
using cp::i18n::trId;
}  // namespace cp::chart
