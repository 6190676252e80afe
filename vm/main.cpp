// minipy's command line (placeholder until the VM lands).
#include <cstdio>
int main() {
  std::puts("minipy: not built yet");
  return 1;
}
