/* Stand-in for Windows' bcryptprimitives.dll, which Wine 8 lacks: pydantic-core (Rust) imports
 * ProcessPrng from it. Built with mingw-w64 and copied into Wine prefixes only, never into the bundle
 * or the installer: every Windows 10 has the real one. */
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
