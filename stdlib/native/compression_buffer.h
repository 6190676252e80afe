// What the native _bz2 and _lzma modules share: the growing output buffer of one (de)compression call, the
// leftover input a decompressor keeps between calls (CPython's _BlocksOutputBuffer and the decompressors'
// input_buffer), the compressor objects' compress()/flush() methods and the bookkeeping after a decompress()
// call. Each module drives its own library's loop (bzlib and liblzma report progress with different pointer
// types and stop conditions, which CPython keeps distinct too).
#pragma once
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

#include "stdlib/native/native_support.h"

namespace minipy::native {

// The output of one call: grows block by block (32 KiB first, larger blocks later, as CPython's block table) up to
// `max_length` bytes in all (negative: no limit).
class OutputBlocks {
 public:
  explicit OutputBlocks(int64_t max_length) : max_length_(max_length) { grow(); }
  // Room left in the current allocation.
  char* next() { return data_.data() + used_; }
  size_t available() const { return data_.size() - used_; }
  // After the library wrote `n` bytes at next().
  void produced(size_t n) { used_ += n; }
  size_t size() const { return used_; }
  bool at_limit() const { return max_length_ >= 0 && static_cast<int64_t>(used_) >= max_length_; }
  // Adds the next block (capped by max_length); false when the limit leaves no room.
  bool grow() {
    static constexpr size_t kBlocks[] = {32u << 10, 64u << 10, 256u << 10, 1u << 20, 4u << 20, 8u << 20,
                                         16u << 20, 16u << 20, 32u << 20, 32u << 20, 32u << 20, 32u << 20};
    size_t block = kBlocks[blocks_ < std::size(kBlocks) ? blocks_ : std::size(kBlocks) - 1];
    blocks_++;
    if (max_length_ >= 0) block = std::min<size_t>(block, static_cast<size_t>(max_length_) - data_.size());
    if (block == 0 && !data_.empty()) return false;
    data_.resize(data_.size() + block);
    return true;
  }
  std::string_view result() const { return {data_.data(), used_}; }

 private:
  std::string data_;
  size_t used_ = 0;
  size_t blocks_ = 0;
  int64_t max_length_;
};

// The input of a decompress() call: what the last call left unconsumed followed by the new data (no copy when
// nothing was left over). `rest()` is what the library has not consumed yet.
class PendingInput {
 public:
  // `leftover` is the previous call's unconsumed input (moved from); `data` the new argument.
  PendingInput(std::string& leftover, std::string_view data) {
    if (leftover.empty()) {
      view_ = data;
    } else {
      joined_ = std::move(leftover);
      leftover.clear();
      joined_.append(data);
      view_ = joined_;
    }
  }
  const char* next() const { return view_.data() + consumed_; }
  size_t available() const { return view_.size() - consumed_; }
  void consumed(size_t n) { consumed_ += n; }
  std::string_view rest() const { return view_.substr(consumed_); }

 private:
  std::string joined_;
  std::string_view view_;
  size_t consumed_ = 0;
};

// compress(data, /) and flush() of compressor type `Object` (with a `flushed` flag): `Run(ts, object, data,
// finish)` feeds the library, `finish` ending the stream. After flush() the object refuses more work.
template <class Object, Value (*Run)(ThreadState&, Object*, std::string_view, bool)>
NATIVE_FN(compressor_compress) {
  Value v[1];
  if (!parse_args(ts, "compress", args, kwnames, {""}, 1, 1, v)) return Value();
  std::string_view data;
  if (!bytes_like(ts, v[0], &data)) return Value();
  auto* c = static_cast<Object*>(self.as_object());
  if (c->flushed) return raise(ts, ValueError_type, "Compressor has been flushed");
  std::string copy(data);  // the library reads it while no Python code runs, but a copy costs little
  return Run(ts, c, copy, false);
}
template <class Object, Value (*Run)(ThreadState&, Object*, std::string_view, bool)>
NATIVE_FN(compressor_flush) {
  if (!no_args(ts, "flush", args, kwnames)) return Value();
  auto* c = static_cast<Object*>(self.as_object());
  if (c->flushed) return raise(ts, ValueError_type, "Repeated call to flush()");
  c->flushed = true;
  return Run(ts, c, "", true);
}

// The arguments of decompress(data, max_length=-1): the bytes and the limit (negative: none).
[[nodiscard]] inline bool decompress_args(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames,
                                          std::string_view* data, int64_t* max_length) {
  Value v[2];
  if (!parse_args(ts, "decompress", args, kwnames, {"data", "max_length"}, 1, 0, v)) return false;
  *max_length = -1;
  return bytes_like(ts, v[0], data) && (!v[1] || index_to_int64(ts, v[1], max_length));
}

// After a decompress() call over `input`: at the end of the stream the rest is unused_data; otherwise input the
// library did not take is kept in `leftover` for the next call. needs_input as CPython sets it: false at the
// end or with input left; with the input drained, `drained_needs_input` (the library may still hold output).
inline void finish_decompress_call(ThreadState& ts, PendingInput& input, bool eof, bool drained_needs_input,
                                   bool* needs_input, Value* unused_data, std::string* leftover) {
  if (eof) {
    *needs_input = false;
    if (input.available() > 0) *unused_data = make_bytes(ts, input.rest());
  } else if (input.available() == 0) {
    *needs_input = drained_needs_input;
  } else {
    *needs_input = false;
    leftover->assign(input.rest());
  }
}

// Neither kind of object can be pickled (CPython's refuse too).
inline NATIVE_FN(refuse_pickle) {
  (void)args, (void)kwnames;
  return raise_fmt(ts, TypeError_type, "cannot pickle '{}' object", type_of(self)->c_name);
}

}  // namespace minipy::native
