#ifndef PARADOX_CVECTORSCAN_SHIM_H
#define PARADOX_CVECTORSCAN_SHIM_H
// Vectorscan (the portable Hyperscan): many regular expressions matched at once, in linear time, by
// automata. Only the Swift module `Vectorscan` imports this.
#include <hs/hs.h>
#endif
