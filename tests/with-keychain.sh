#!/bin/sh
# Runs a test in a throwaway D-Bus session with a real, unlocked gnome-keyring (Secret Service), so the
# real QtKeychain code path is exercised without touching the user's keyring (PLATFORM.md recipe).
set -eu
HOME=$(mktemp -d)
# Its own runtime directory too: gnome-keyring finds a daemon of another test running at the same time through
# $XDG_RUNTIME_DIR/keyring, leaves the secrets to it, and this test's D-Bus session then has no keychain.
XDG_RUNTIME_DIR="$HOME/runtime"
mkdir -m 700 "$XDG_RUNTIME_DIR"
export HOME XDG_RUNTIME_DIR
trap 'rm -rf "$HOME"' EXIT
exec dbus-run-session -- sh -c 'echo -n casedesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' sh "$@"
