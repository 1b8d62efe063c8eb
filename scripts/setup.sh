# Shared set-up for play.sh and test.sh: system packages (when root with apt-get) and the venv.
# Sourced, not run.

setup_system_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
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
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e "$spec"
    rm -f .venv/.installed-*
    touch "$stamp"
  fi
}
