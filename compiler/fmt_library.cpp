// fmt's compiled part, built into minipy instead of linked from libfmt.so: a static executable starts without
// the dynamic loader (the start-up target is 1 ms), and fmt used header-only would triple every file's compile
// time. The definitions come from the installed <fmt/format-inl.h>; format.h declares the few templates below
// `extern`, so one translation unit must instantiate them.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {
template auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template auto thousands_sep_impl<wchar_t>(locale_ref) -> thousands_sep_result<wchar_t>;
template auto decimal_point_impl<char>(locale_ref) -> char;
template auto decimal_point_impl<wchar_t>(locale_ref) -> wchar_t;
}  // namespace detail
FMT_END_NAMESPACE
