# Finds a JDK 25 for ./tlsj, ./test and .ci/run. Source it, then call tlsj_use_jdk25:
# it exports JAVA_HOME (and puts its bin first on PATH), or prints what to do and returns 2.
# Order: $JAVA_HOME, then /usr/lib/jvm/* (temurin-25 first), then `java` on PATH.

# The feature version of a java binary ("25" for 25, 25.0.1, 25-ea), or nothing.
tlsj_java_major() {
    local version
    version=$("$1" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }') || return 1
    version=${version%%[-.+]*}
    [[ $version == 1 ]] && version=8
    printf '%s' "$version"
}

# Prints the home of the first JDK 25 found; returns 1 if there is none.
tlsj_find_jdk25() {
    local candidate java
    if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java && $(tlsj_java_major "$JAVA_HOME/bin/java") == 25 ]]; then
        printf '%s\n' "$JAVA_HOME"
        return 0
    fi
    for candidate in /usr/lib/jvm/temurin-25*/ /usr/lib/jvm/*/; do
        candidate=${candidate%/}
        if [[ -x $candidate/bin/java && -x $candidate/bin/javac \
              && $(tlsj_java_major "$candidate/bin/java") == 25 ]]; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    if java=$(command -v java) && [[ $(tlsj_java_major "$java") == 25 ]]; then
        java=$(readlink -f "$java")
        printf '%s\n' "${java%/bin/java}"
        return 0
    fi
    return 1
}

# Exports JAVA_HOME for a JDK 25, or explains and returns 2.
tlsj_use_jdk25() {
    local home
    if ! home=$(tlsj_find_jdk25); then
        echo "tlsj: needs JDK 25; found none (checked JAVA_HOME, /usr/lib/jvm, PATH). Install one, e.g. apt install temurin-25-jdk, or set JAVA_HOME." >&2
        return 2
    fi
    export JAVA_HOME=$home
    export PATH="$JAVA_HOME/bin:$PATH"
}
