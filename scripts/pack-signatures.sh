#!/usr/bin/env bash
# Packs a signature directory (scanner/signatures/ or a copy) into a daily database the way
# freshclam's daily.cvd is built, so clamd reports its version as it does in production:
#
#   scripts/pack-signatures.sh <signature dir> <output file>   prints the version it packed
#
# clamd reports a database version (VERSION answers "ClamAV 1.4.6/<version>/<date>") only for a
# file named daily.cvd, .cld or .cud. A .cud is the unsigned form: the same 512-byte header and
# gzipped tar as a .cvd, with a daily.info listing each file's size and SHA-256, but no digital
# signature, which only Cisco-Talos can make. clamd still adds ".UNOFFICIAL" to the names.
#
# <signature dir>/VERSION holds the version and its day, e.g. "3 2026-12-02"; the *.hdb and *.ndb
# files next to it are packed. The same input packs to the same bytes.
set -euo pipefail

die() { echo "pack-signatures: error: $*" >&2; exit 1; }

(($# == 2)) || die "usage: $0 <signature dir> <output file>"
src=$(cd "$1" 2>/dev/null && pwd) || die "no signature directory $1"
out=$(realpath -m "$2")
[[ -f $src/VERSION ]] || die "$src/VERSION is missing (one line: the database version and its day, e.g. \"3 2026-12-02\")"
read -r version day rest <"$src/VERSION" || true
[[ $version =~ ^[1-9][0-9]{0,8}$ && -z ${rest:-} ]] || die "$src/VERSION must read \"<version> <YYYY-MM-DD>\", not \"$(head -n 1 "$src/VERSION")\""
[[ $day =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] && stime=$(date -u -d "$day" +%s 2>/dev/null) || die "$src/VERSION: \"$day\" is not a day (YYYY-MM-DD)"

shopt -s nullglob
cd "$src"
files=(*.hdb *.ndb)
((${#files[@]})) || die "no .hdb or .ndb files in $src"
# The header's count, checked against daily.info's: every line that is not a comment or empty.
sigs=$(cat "${files[@]}" | grep -cv -e '^#' -e '^$' || true)
# freshclam's layout: created:version:signatures:functionality level:MD5 of the tar.gz:digital
# signature:builder:created (seconds). Functionality level 1: .hdb and .ndb lines load on every engine.
header() { echo "ClamAV-VDB:$(LC_ALL=C date -u -d "@$stime" '+%d %b %Y %H-%M %z'):$version:$sigs:1:$1:unsigned:slipway:$stime"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "${files[@]}" "$work/"
cd "$work"
{
  # The MD5 of the tar.gz that holds this file cannot be in it; clamd compares only the other fields.
  header none
  for file in "${files[@]}"; do echo "$file:$(stat -c %s "$file"):$(sha256sum "$file" | cut -d ' ' -f 1)"; done
} >daily.info
# clamd reads daily.info first: it lists what the rest must be.
tar --format=ustar --owner=0 --group=0 --numeric-owner --mode=0644 --mtime="@$stime" -cf - daily.info "${files[@]}" | gzip -n -9 >body.tar.gz
{
  printf '%-512s' "$(header "$(md5sum body.tar.gz | cut -d ' ' -f 1)")"
  cat body.tar.gz
} >packed
mv "$work/packed" "$out"
echo "$version"
