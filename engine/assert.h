// assert.h: NNPLAY_ASSERT, the one check for programmer errors (never for user
// input, which is validated and reported). On in debug builds and tests; a user
// may define NNPLAY_ASSERT before including any engine header to route it.
#pragma once

#ifndef NNPLAY_ASSERT
#include <cstdio>
#include <cstdlib>
#ifdef NDEBUG
#define NNPLAY_ASSERT(cond) ((void)0)
#else
#define NNPLAY_ASSERT(cond)                                                          \
    do {                                                                             \
        if (!(cond)) {                                                               \
            std::fprintf(stderr, "%s:%d: NNPLAY_ASSERT(%s) failed\n", __FILE__, __LINE__, \
                         #cond);                                                     \
            std::abort();                                                            \
        }                                                                            \
    } while (0)
#endif
#endif
