// main.cpp: the doctest runner; every test case lives in a test_<concept>.cpp.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
