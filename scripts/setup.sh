# Shared set-up for play.sh and test.sh: system packages (when root with apt-get) and the venv.
# Sourced, not run. Made for a busy machine: it waits for another apt or dpkg to finish instead of
# failing at once, and tries a failed download once more before giving up.

# Seconds to wait for another package manager (an unattended upgrade, a second set-up) to let go.
APT_LOCK_WAIT="${COLLECTOR_SIM_APT_WAIT:-600}"

# Run a command once more after a failure: a mirror or the package index hiccups now and then.
retry_once() {
  "$@" && return 0
  echo "That failed; trying once more in 5 seconds: $*" >&2
  sleep 5
  "$@"
}

# apt-get that waits for dpkg's lock (apt's own timeout option) and never asks a question.
apt_get() {
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$APT_LOCK_WAIT" "$@"
}

# `apt-get update` ignores that option for its own lock on the package lists, so wait for it here.
apt_update() {
  local waited=0 err
  while ! err=$(apt_get update -qq 2>&1 >/dev/null); do
    case "$err" in
      *"Could not get lock"* | *"Unable to lock"*) ;;
      *) echo "$err" >&2; return 1 ;;
    esac
    if [ "$waited" -ge "$APT_LOCK_WAIT" ]; then
      echo "$err" >&2
      return 1
    fi
    [ "$waited" = 0 ] && echo "Waiting for another package manager to finish (up to $APT_LOCK_WAIT s) ..."
    sleep 5
    waited=$((waited + 5))
  done
}

setup_system_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages: ${missing[*]}"
    retry_once apt_update
    retry_once apt_get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Notice: please install ${missing[*]} with your package manager; until then the game runs without them."
  fi
}

setup_venv() {
  local extras="${1:-}"
  local spec="."
  [ -n "$extras" ] && spec=".[$extras]"
  local hash
  hash=$(sha1sum pyproject.toml | cut -c1-12)
  local stamp=".venv/.installed-$hash-${extras:-base}"
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  # The game needs the base install; an install with the dev extras includes it.
  if [ ! -f "$stamp" ] && ! { [ -z "$extras" ] && ls .venv/.installed-"$hash"-* >/dev/null 2>&1; }; then
    echo "Installing Collector Sim and its Python packages into .venv ..."
    retry_once .venv/bin/python -m pip install -q --upgrade pip
    retry_once .venv/bin/python -m pip install -q -e "$spec"
    rm -f .venv/.installed-*
    touch "$stamp"
  fi
}
