#!/bin/sh
# make demo: Krypton under QEMU (TCG, AMD SVM with nested paging).
#  1. The "hello" PVH test guest as dom0: the hypervisor's boot log and
#     the guest's greeting; QEMU exits when it powers off.
#  2. Debian 12's stock kernel as dom0 (PVH), to a shell on the serial
#     console. Type commands; Ctrl-A three times switches input to the
#     hypervisor's debug keys ('h' for help) and back; `poweroff -f`
#     ends the demo. Without a terminal on stdin the demo runs dom0's
#     scripted checks instead and powers off by itself.
# SMP=<n> sets the CPU count (default 2), CPU=<model> the QEMU CPU model.
set -e
cd "$(dirname "$0")/.."
SMP=${SMP:-2}
CPU=${CPU:-qemu64,+svm,+npt}
QEMU="qemu-system-x86_64 -accel tcg -machine q35 -cpu $CPU -smp $SMP \
	-display none -monitor none -no-reboot"

echo "=== 1/2: Krypton with the hello test guest as dom0 ($SMP CPUs)"
timeout -k 5 120 $QEMU -m 512 -serial stdio -kernel build/krypton \
	-append "console=com1 com1=115200,8n1 loglvl=all dom0_mem=64M" \
	-initrd "build/guests/hello.elf hello from make demo"

echo
echo "=== 2/2: Krypton with Debian's Linux kernel as dom0"
scripts/linux-fixture.sh
if [ -t 0 ]; then
	echo "(a shell will start on the serial console: try 'cat /sys/hypervisor/type';"
	echo " Ctrl-A three times for the hypervisor's debug keys; 'poweroff -f' to leave)"
	test=shell
	limit=3600
else
	test=basic
	limit=300
fi
exec timeout -k 5 $limit $QEMU -m 1G \
	-chardev stdio,id=con,signal=off -serial chardev:con \
	-kernel build/krypton \
	-append "console=com1 com1=115200,8n1 dom0_mem=512M" \
	-initrd "build/linux/vmlinuz console=hvc0 krypton.test=$test,build/linux/initrd.gz"
