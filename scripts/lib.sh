# Shared helpers for the project's scripts (sourced, not run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# JDK 25: an explicit JAVA_HOME wins; else the usual install locations.
select_jdk() {
    if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep 'version "2[5-9]' >/dev/null; then
        return
    fi
    for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 /usr/lib/jvm/java-25-openjdk-amd64 \
             /usr/lib/jvm/java-25-openjdk-arm64 /usr/lib/jvm/jdk-25*; do
        if [ -x "$d/bin/java" ]; then export JAVA_HOME="$d"; export PATH="$JAVA_HOME/bin:$PATH"; return; fi
    done
    echo "JDK 25 not found. Install Temurin 25 (or any JDK 25) and set JAVA_HOME." >&2
    exit 2
}

# Installs the missing Debian packages listed in the given files (default: every scripts/apt.d/*.txt, what the
# tests need; the app alone needs only scripts/apt.d/base.txt). Root or sudo is needed once.
install_apt_packages() {
    command -v dpkg-query >/dev/null || { echo "Not a Debian system: install the packages in scripts/apt.d by hand." >&2; return 0; }
    local files=("$@") wanted missing=()
    [ ${#files[@]} -gt 0 ] || files=("$ROOT"/scripts/apt.d/*.txt)
    wanted=$(grep -hv '^\s*#' "${files[@]}" | awk 'NF{print $1}' | sort -u)
    for p in $wanted; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep "ok installed" >/dev/null || missing+=("$p")
    done
    # npm may come from another Node.js distribution (e.g. nodesource's nodejs, which carries it): only ask
    # Debian for it when there is none.
    command -v npm >/dev/null || missing+=(npm)
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing Debian packages: ${missing[*]}"
    local SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    # Keep packages that ship services (apache2 from wordpress, mariadb) from starting on install.
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null; $SUDO chmod +x /usr/sbin/policy-rc.d
        trap '$SUDO rm -f /usr/sbin/policy-rc.d' RETURN
    fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

mvn_cmd() {
    if [ -x "$ROOT/mvnw" ]; then echo "$ROOT/mvnw"; else echo mvn; fi
}
