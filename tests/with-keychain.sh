#!/bin/sh
# Runs a test in a throwaway D-Bus session with a real, unlocked gnome-keyring (Secret Service), so the
# real QtKeychain code path is exercised without touching the user's keyring (PLATFORM.md recipe).
set -eu
HOME=$(mktemp -d)
export HOME
trap 'rm -rf "$HOME"' EXIT
exec dbus-run-session -- sh -c 'echo -n casedesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' sh "$@"
