#!/usr/bin/env bash
# Starts JShell with jgrad on the class path and its packages imported (jshell/startup.jsh), e.g.
#   jshell> var x = Tensor.randn(3).requiresGrad(true);
#   jshell> var loss = new BCEWithLogitsLoss().apply(x, Tensor.of(1, 0, 1)); loss.backward(); x.grad()
set -euo pipefail
cd "$(dirname "$0")"
cp_file="$PWD/target/jgrad-classpath.txt"
./mvnw -q -pl examples -am package dependency:build-classpath -DskipTests -Dmdep.outputFile="$cp_file" \
  -Dmdep.includeScope=runtime
cp="$PWD/examples/target/classes:$(cat "$cp_file")"
exec jshell --class-path "$cp" --startup DEFAULT --startup jshell/startup.jsh "$@"
