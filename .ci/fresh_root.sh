#!/usr/bin/env bash
# Runs the README's Linux test command, exactly as written, on a fresh minimal Debian 12 root:
# debootstrap minbase, plus only what an office PC behind a proxy has (apt sources, pip
# configuration, CA certificates). Needs root. Exits with the command's exit code.
#   .ci/fresh_root.sh [--keep]        --keep leaves the root for debugging (its path is printed)
#   .ci/fresh_root.sh --print-command prints the command that would run, taken from ./README.md
set -euo pipefail
cd "$(dirname "$0")/.."

HEADING='**Debian / Ubuntu — run the tests**'
keep=0 print=0
for arg in "$@"; do
    case $arg in
        --keep) keep=1 ;;
        --print-command) print=1 ;;
        *) echo "usage: $0 [--keep | --print-command]" >&2; exit 2 ;;
    esac
done

# The first ```sh block after the heading, verbatim; it must be the test command.
readme_command() {
    awk -v heading="$HEADING" '
        index($0, heading) { after = 1; next }
        after && inblock && /^```/ { exit }
        inblock { print }
        after && /^```sh[[:space:]]*$/ { inblock = 1 }
    ' "$1"
}

if [[ $print == 1 ]]; then
    command=$(readme_command README.md)
    [[ $command == *pytest* ]] || { echo "no pytest command under $HEADING in README.md" >&2; exit 1; }
    printf '%s\n' "$command"
    exit 0
fi

[[ $(id -u) == 0 ]] || { echo "$0 needs root (debootstrap, mount, chroot)" >&2; exit 1; }

# The host's mirror for bookworm, from deb822 .sources stanzas or one-line sources.list entries.
host_mirror() {
    { cat /etc/apt/sources.list.d/*.sources 2>/dev/null || true; } | awk 'BEGIN { RS = "" } {
        uri = ""; bookworm = 0; n = split($0, lines, "\n")
        for (i = 1; i <= n; i++) {
            k = split(lines[i], f, " ")
            if (f[1] == "URIs:") uri = f[2]
            if (f[1] == "Suites:") for (j = 2; j <= k; j++) if (f[j] == "bookworm") bookworm = 1
        }
        if (bookworm && uri != "") { print uri; exit }
    }'
    { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } | awk '$1 == "deb" {
        for (i = 2; i < NF; i++) if ($i ~ /^[a-z+]+:\/\//) { if ($(i + 1) == "bookworm") { print $i; exit } else break }
    }'
}
mirror=$(host_mirror | head -n 1)
[[ -n $mirror ]] || { echo "no bookworm mirror in the host's apt sources" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-fresh-root.XXXXXX")
root=$work/root
mounts=() child='' stages=() started=$(date +%s)

stage_done() { stages+=("$(printf '%-22s %5ss' "$1" $(($(date +%s) - started)))"); started=$(date +%s); }

cleanup() {
    local status=$? pid m
    set +e
    trap - EXIT INT TERM
    [[ -n $child ]] && kill "$child" 2>/dev/null && wait "$child" 2>/dev/null
    # Whatever the tests left running in the root (Xvfb, gpg-agent) holds the mounts busy.
    for pid in /proc/[0-9]*; do
        [[ $(readlink "$pid/root" 2>/dev/null) == "$root" ]] && kill -9 "${pid#/proc/}" 2>/dev/null
    done
    for ((m = ${#mounts[@]} - 1; m >= 0; m--)); do
        umount "${mounts[m]}" 2>/dev/null || umount -l "${mounts[m]}" || true
    done
    if ((keep)); then
        echo "kept the root: $root (mounts removed; remove it with: rm -rf --one-file-system $work)"
    elif grep -qF " $root/" /proc/self/mountinfo; then
        echo "not removing $work: something is still mounted inside it" >&2
    else
        rm -rf --one-file-system "$work"
    fi
    echo "--- stage times"
    printf '%s\n' "${stages[@]}"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# In the background so that a signal interrupts the wait at once and cleanup stops the stage.
run() { "$@" & child=$!; wait "$child"; local status=$?; child=''; return "$status"; }

command -v debootstrap >/dev/null || { apt-get update && apt-get install -y debootstrap; }

echo "--- debootstrap minbase bookworm from $mirror into $root"
run debootstrap --variant=minbase bookworm "$root" "$mirror"
stage_done debootstrap

# What an office PC behind a proxy has besides the base system; nothing else of the host's.
rm -f "$root"/etc/apt/sources.list
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
         /etc/pip.conf /etc/xdg/pip /root/.config/pip \
         /etc/ssl/certs /usr/local/share/ca-certificates /etc/ca-certificates*; do
    [[ -e $f ]] || continue
    mkdir -p "$root$(dirname "$f")"
    cp -a "$f" "$root$(dirname "$f")/"
done
cp -L /etc/resolv.conf "$root/etc/resolv.conf"

mount_in() { mount "$@"; mounts+=("${*: -1}"); }
mount_in -t proc proc "$root/proc"
mount_in -t sysfs sysfs "$root/sys"
mount_in --bind /dev "$root/dev"
mount_in --bind /dev/pts "$root/dev/pts"
mount_in -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
chmod 1777 "$root/tmp"  # a plain directory, as on an installed bookworm

echo "--- copying HEAD ($(git rev-parse --short HEAD)) to /root/nianbao"
mkdir "$root/root/nianbao"
git archive HEAD | tar -x -C "$root/root/nianbao"
command=$(readme_command "$root/root/nianbao/README.md")
[[ $command == *pytest* ]] || { echo "no pytest command under $HEADING in README.md" >&2; exit 1; }
stage_done copy

echo "--- in the fresh root: $command"
status=0
# No LANG, as on a freshly installed system or a service.
run chroot "$root" /usr/bin/env -i HOME=/root TERM="${TERM:-dumb}" CI=true DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    bash -c "cd /root/nianbao && $command" </dev/null || status=$?
stage_done "README test command"
echo "--- README test command exited with $status; root uses $(du -sh --one-file-system "$root" | cut -f1)"
exit "$status"
