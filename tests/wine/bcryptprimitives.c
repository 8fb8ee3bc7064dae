/* A stand-in for Windows' bcryptprimitives.dll, for running the Windows
 * build under Wine 8.0, which lacks it. Rust's standard library imports
 * ProcessPrng from it for random numbers (HashMap keys, TLS); real Windows
 * 10 and later have it. This forwards to RtlGenRandom (advapi32's
 * SystemFunction036), which Wine has. Test-only: never shipped.
 *
 * Built by tests/windows_wine.rs with:
 *   x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
