# Sourced by the scripts: picks a JDK 21+ (Temurin 25 when installed, as CI uses) and exports JAVA_HOME.
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 \
        /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then
        version="$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')"
        if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
            export JAVA_HOME="$candidate"
            break
        fi
    fi
done
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
    java_bin="$(command -v java || true)"
    [ -n "$java_bin" ] || { echo "Faultline needs a JDK 21 or newer (java not found)" >&2; exit 1; }
    export JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$java_bin")")")"
fi
version="$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')"
if [ "${version%%.*}" -lt 21 ] 2>/dev/null; then
    echo "Faultline needs a JDK 21 or newer; found $version at $JAVA_HOME (set JAVA_HOME to a newer one)" >&2
    exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
