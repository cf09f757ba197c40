#!/bin/sh
# make demo: boot Krypton in QEMU (TCG, AMD SVM with nested paging) with
# the "hello" PVH test guest as dom0, showing the hypervisor's boot log and
# the guest's console on this terminal. QEMU exits when the guest powers
# off. Set SMP=4 to boot more CPUs, CPU=max for another CPU model.
set -e
cd "$(dirname "$0")/.."
SMP=${SMP:-2}
CPU=${CPU:-qemu64,+svm,+npt}
echo "Booting Krypton (build/krypton) with build/guests/hello.elf as dom0, $SMP CPUs"
exec timeout -k 5 120 qemu-system-x86_64 -accel tcg -machine q35 -cpu "$CPU" \
	-m 512 -smp "$SMP" -display none -monitor none -serial stdio -no-reboot \
	-kernel build/krypton \
	-append "console=com1 com1=115200,8n1 loglvl=all dom0_mem=64M" \
	-initrd "build/guests/hello.elf hello from make demo"
