/*
 * Test-only stand-in for Windows' bcryptprimitives.dll, for running sharecase.exe under
 * wine 8, which lacks it. Rust's standard library takes its random numbers from
 * ProcessPrng in that DLL; without it the exe exits at once with status 53. This one
 * answers ProcessPrng from RtlGenRandom (advapi32's SystemFunction036), which wine has.
 *
 * .ci/windows builds it with mingw and puts it beside the installed exe for the wine run
 * only. It is never part of the MSI: Windows 10 and 11 have the real DLL.
 */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
