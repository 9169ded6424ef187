#!/usr/bin/env bash
# Starts JShell with jgrad on the class path and its packages imported (jshell/startup.jsh), e.g.
#   jshell> var x = Tensor.randn(3).requiresGrad(true);
#   jshell> var loss = new BCEWithLogitsLoss().apply(x, Tensor.of(1, 0, 1)); loss.backward(); x.grad()
# Your own code goes after jgrad's:   ./jshell.sh --class-path my.jar:my/classes
# Other arguments go to jshell. Maven runs only when a pom or a source is newer than the last build.
# Values echo whole, in the feedback mode jshell/feedback.jsh defines, unless you pick another
# (--feedback MODE, -q, -s or -v).
set -euo pipefail
cd "$(dirname "$0")"
cp_file="$PWD/target/jgrad-classpath.txt"
user_cp=""
feedback=(--feedback jgrad)
args=()
while (($#)); do
  case "$1" in
    --class-path|-cp|-classpath) user_cp="${user_cp:+$user_cp:}${2:?$1 needs a path}"; shift 2 ;;
    --class-path=*) user_cp="${user_cp:+$user_cp:}${1#--class-path=}"; shift ;;
    --feedback|--feedback=*|-q|-s|-v) feedback=(); args+=("$1"); shift ;;
    *) args+=("$1"); shift ;;
  esac
done
stale() {
  [[ ! -s "$cp_file" || ! -d examples/target/classes ]] && return 0
  [[ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$cp_file" -print -quit)" ]]
}
if stale; then
  ./mvnw -q -pl examples -am package dependency:build-classpath -DskipTests -Dmdep.outputFile="$cp_file" \
    -Dmdep.includeScope=runtime
  touch "$cp_file"
fi
cp="$PWD/examples/target/classes:$(cat "$cp_file")${user_cp:+:$user_cp}"
exec jshell --class-path "$cp" --startup DEFAULT --startup jshell/startup.jsh ${feedback[@]+"${feedback[@]}"} \
  jshell/feedback.jsh ${args[@]+"${args[@]}"}
