# A config file that is missing or not readable as a file.
cd "$TMPDIR" || exit 1
$XL -N create nosuch.cfg
echo "rc=$?"
mkdir adir
$XL -N create adir
