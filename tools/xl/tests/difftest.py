#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Differential test of Krypton's xl against the reference xl.

Generates random inputs and compares Krypton's `xl -N ...' output with
that of Xen 4.17's xl (build/oracle/ox, see setup-oracle.sh).  Not part
of `make check' since it needs the reference binary.

  tests/difftest.py MODE [SEED [COUNT]]
  MODE: config  random mixes of settings taken from cases/*.cfg
        syntax  random xl.cfg syntax (quotes, comments, lists, +=)
        disk    random disk specs (xl -N block-attach)
        vif     random vif settings (xl -N network-attach)

Krypton refuses some inputs Xen accepts (see xl.cfg(5), COMPATIBILITY);
those are counted as "stricter", not as differences.
"""
import glob, os, random, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
XL = os.path.join(HERE, '..', 'xl')
OX = os.path.join(HERE, '..', 'build', 'oracle', 'ox')
ENV = dict(os.environ, XL_CONF='/nonexistent', XL_HOST_CPUS='8')
TMP = '/tmp/xl-difftest.cfg'


def run(binary, args):
    r = subprocess.run([binary] + args, capture_output=True, text=True,
                       env=ENV)
    return r.returncode, re.sub(r'"uuid": "[^"]*"', '', r.stdout)


def config_case(rnd, i):
    lines = set()
    for f in glob.glob(os.path.join(HERE, 'cases', '*.cfg')):
        for l in open(f, errors='replace').read().split('\n'):
            l = l.strip()
            if ('=' in l and not l.startswith(('#', 'name', 'type',
                                               'builder'))
                    and l.count('[') == l.count(']') and ';' not in l):
                lines.add(l)
    lines = sorted(lines)
    ty = rnd.choice(['type="hvm"', 'type="pvh"', 'type="pv"', ''])
    body = ['name="d%d"' % i, ty] + rnd.sample(lines, rnd.randint(1, 12))
    if 'kernel' not in ' '.join(body) and ty != 'type="hvm"':
        body.append('kernel="/boot/k"')
    return '\n'.join(body) + '\n'


def syntax_case(rnd, i):
    ws = lambda: rnd.choice(['', ' ', '\t'])
    nl = lambda: rnd.choice(['\n', '\n\n', ' # c\n', ';', '; '])
    num = lambda: rnd.choice(['128', '0x80', '0200', '1', '0', '12abc'])

    def string():
        q = rnd.choice(['"', "'"])
        return q + rnd.choice(['a', 'x y', 'a\\"b', 'c\\\\d', 'e\\tf',
                               'br0', '', '#x', ';', ',', '[']) + q

    def value(d=0):
        r = rnd.random()
        if r < 0.35:
            return num()
        if r < 0.75 or d > 2:
            return string()
        items = [value(d + 1) for _ in range(rnd.randint(0, 3))]
        return ('[' + ws() + rnd.choice([',', ', ', ',\n']).join(items) +
                rnd.choice(['', ',', '\n']) + ']')

    keys = ['memory', 'vcpus', 'extra', 'root', 'foo', 'videoram', 'boot',
            'serial', 'usbdevice', 'disk', 'vif', 'cpus', 'vnc',
            'bootloader_args', 'keymap']
    cfg = 'name="s%d"' % i + nl() + 'type="hvm"' + nl()
    for _ in range(rnd.randint(1, 8)):
        cfg += (rnd.choice(keys) + ws() + rnd.choice(['=', '=', '+=']) +
                ws() + value() + nl())
    return cfg


DISK_TOKENS = ['phy:', 'file:', 'tap:', 'aio:', 'qcow2:', 'raw:', 'iscsi:',
               '/dev/x', '/img/a.img', 'xvda', 'hdc', 'hdc:cdrom', 'sda1',
               'w', 'r', 'ro', '', 'raw', 'qcow2', 'empty', 'format=raw',
               'vdev=xvdc', 'access=ro', 'devtype=cdrom', 'cdrom',
               'discard', 'backend=d1', 'script=block-x', 'target=/t/x,y',
               ' ', '  xvda', 'x:y']
VIF_TOKENS = ['mac=00:16:3e:00:00:01', 'bridge=br0', 'ip=1.2.3.4',
              'script=vif-x', 'vifname=v1', 'model=e1000', 'type=ioemu',
              'backend=d', 'rate=10Mb/s', 'rate=1KB/s@1s', 'mtu=1500',
              'devid=2', 'gatewaydev=e0', 'trusted', 'untrusted']


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else 'config'
    rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    diff = stricter = 0
    for i in range(count):
        if mode in ('config', 'syntax'):
            with open(TMP, 'w') as f:
                f.write((config_case if mode == 'config' else
                         syntax_case)(rnd, i))
            args = ['-N', 'create', TMP]
        elif mode == 'disk':
            spec = rnd.choice([',', ', ']).join(
                rnd.choice(DISK_TOKENS) for _ in range(rnd.randint(1, 5)))
            args = ['-N', 'block-attach', '0', spec]
        else:
            args = ['-N', 'network-attach', '0'] + rnd.sample(
                VIF_TOKENS, rnd.randint(1, 6))
        a, b = run(XL, args), run(OX, args)
        if a[0] != 0 and b[0] == 0:
            stricter += 1
        elif (a[0] == 0) != (b[0] == 0) or (a[0] == 0 and a[1] != b[1]):
            diff += 1
            print('DIFFERENCE for', args if mode in ('disk', 'vif')
                  else open(TMP).read())
    print('%s: %d cases, %d differences, %d refused only by Krypton' %
          (mode, count, diff, stricter))
    sys.exit(1 if diff else 0)


if __name__ == '__main__':
    main()
