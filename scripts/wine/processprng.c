/*
 * A stand-in for Windows' bcryptprimitives.dll, for running discern's
 * Windows build under Wine 8 (Debian bookworm's), which has no such DLL.
 *
 * Rust's standard library (1.78 and later) takes its random numbers from
 * ProcessPrng, which Windows 10 and later export from bcryptprimitives.dll;
 * without it the .exe cannot even start. This file gives that one function
 * and nothing else, on top of RtlGenRandom (advapi32's SystemFunction036),
 * which Wine has long had. Real Windows never loads this file: it is built
 * and set up only in the Wine prefix of the tests (scripts/wine-setup.sh).
 */
#include <windows.h>

/* RtlGenRandom's real name: ntsecapi.h declares it under a macro. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* Windows documents that ProcessPrng always returns TRUE; here a failure
 * of the generator underneath is said with FALSE rather than hidden, so
 * that Rust's std stops (it panics on FALSE) instead of using zeros. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
