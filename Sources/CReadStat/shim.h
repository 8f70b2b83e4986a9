// ReadStat (https://github.com/WizardMac/ReadStat), from Debian's libreadstat-dev, which ships no
// pkg-config file: the header is found on the default include path and the library linked by name.
#include <readstat.h>
