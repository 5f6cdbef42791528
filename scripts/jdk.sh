# jdk.sh: what Sluice's scripts know about the JDK they start, kept in this one file; sourced, not run, by
# scripts/sluice, the distribution's bin/sluice (beside it in bin/), scripts/class-data and scripts/bench.
# It forks nothing (each fork and exec costs a command's start-up a few milliseconds, more on a loaded machine)
# except one readlink, when JAVA_HOME is unset and the java on PATH is a link.
# The supervisor gives stage JVMs the class-data options its own JVM was started with: this file decides for both.

# sluice_jdk: java_cmd (JAVA_HOME's java, else java on PATH), java_home, and from the JDK's release file
# java_version ("17.0.15") and java_feature (17); the last two are empty if the JDK cannot be told.
sluice_jdk() {
  java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  java_home="${JAVA_HOME:-}" java_version="" java_feature=""
  if [ -z "$java_home" ]; then
    local dir java="" dirs
    IFS=: read -ra dirs <<<"$PATH"
    for dir in "${dirs[@]}"; do
      if [ -x "${dir:-.}/java" ]; then java="${dir:-.}/java"; break; fi
    done
    [ -n "$java" ] || return 0
    [ -L "$java" ] && java="$(readlink -f "$java")"
    java_home="${java%/bin/java}"
  fi
  local line
  [ -f "$java_home/release" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    if [[ "$line" =~ ^JAVA_VERSION=\"(1\.)?([0-9]+)[^\"]*\" ]]; then
      java_feature="${BASH_REMATCH[2]}" java_version="${line#*\"}" java_version="${java_version%\"*}"
      break
    fi
  done <"$java_home/release"
}

# sluice_class_data_file DIR: class_data_file, this JDK's class data in DIR as scripts/class-data writes it: an AOT
# cache (-XX:AOTCache, JEP 483/514/515) on Java 24 and later, a static AppCDS archive before.
sluice_class_data_file() {
  if [ "$java_feature" -ge 24 ]; then class_data_file="$1/sluice-java$java_feature.aot"
  else class_data_file="$1/sluice-java$java_feature.jsa"; fi
}

# sluice_jvm_flags DIR CLASS_PATH: jvm_flags, what a Sluice JVM of this JDK needs besides jvm.options: the options that
# map this JDK's class data in DIR, prepared first (scripts/class-data, a few seconds) when it is missing or older
# than a jar of CLASS_PATH (the JVM would ignore it), and on Java 24+ the flag that lets Chronicle use
# sun.misc.Unsafe without a warning (unknown before Java 23). SLUICE_CLASS_DATA=off: no class data, here or in the
# stage JVMs (to measure what it pays). The JVM ignores, quietly, class data made for another JDK or class path.
sluice_jvm_flags() {
  local dir="$1" classpath="$2"
  jvm_flags=()
  [ -n "$java_feature" ] || return 0
  if [ "${SLUICE_CLASS_DATA:-}" = off ]; then
    jvm_flags=(-Dsluice.class-data=off)
  else
    sluice_class_data_file "$dir"
    if [ ! -f "$class_data_file" ] || sluice_newer_jar "$class_data_file" "$classpath"; then
      echo "sluice: preparing class data for Java $java_version (once per JDK and build; a few seconds)..." >&2
      (umask 077 && JAVA_HOME="$java_home" "${BASH_SOURCE[0]%/*}/class-data" "$classpath" "$dir" >/dev/null) \
        || echo "sluice: going on without class data: class-data failed" >&2
    fi
    if [ -f "$class_data_file" ]; then
      if [ "$java_feature" -ge 24 ]; then jvm_flags=(-XX:AOTCache="$class_data_file" -Xlog:aot=off -Xlog:cds=off)
      else jvm_flags=(-XX:SharedArchiveFile="$class_data_file" -Xlog:cds=off); fi
    fi
  fi
  if [ "$java_feature" -ge 24 ]; then jvm_flags+=(--sun-misc-unsafe-memory-access=allow); fi
}

# sluice_newer_jar FILE CLASS_PATH: whether an entry of CLASS_PATH (a jar, or DIR/* and its jars) is newer than FILE
sluice_newer_jar() {
  local entry jar entries
  IFS=: read -ra entries <<<"$2"
  for entry in "${entries[@]}"; do
    if [[ "$entry" == */\* ]]; then
      for jar in "${entry%/\*}" "${entry%/\*}"/*.jar; do [ "$jar" -nt "$1" ] && return 0; done
    elif [ "$entry" -nt "$1" ]; then
      return 0
    fi
  done
  return 1
}
