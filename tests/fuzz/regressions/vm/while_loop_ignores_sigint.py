# fuzz_vm finding: a `while` loop closes with POP_JUMP_BACKWARD_IF_TRUE, which did not check the eval breaker,
# so SIGINT (Ctrl-C, the sandbox watchdog) was never handled and the loop ran forever. Must end by KeyboardInterrupt.
i = 0
while i < 10:
    pass
