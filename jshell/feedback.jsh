// The feedback mode "jgrad": JShell's "normal" mode without its truncation, so an echo such as
// "w ==> tensor([[...]])" shows the whole value (normal cuts a `var w = ...` echo at 80 characters and
// other echoes at 1,000). ./jshell.sh passes this file as a load file with --feedback jgrad;
// /set feedback normal switches back. JShell reads startup scripts and load files before it defines its
// own modes, so "/set mode jgrad normal -command" fails in either; a mode built from scratch works, and
// --feedback selects it once JShell is up. It is a load file, not a startup script, because a startup
// script runs again at /reset, when the mode exists and is read-only. The lines are JDK 17's
// "/set mode normal" listing, renamed, without its two "/set truncation" lines; JShellFeedbackTest
// checks that they still match.
/set mode jgrad -command
/set prompt jgrad "\njshell> " "   ...> "
/set format jgrad action "created" added-primary
/set format jgrad action "modified" modified-primary
/set format jgrad action "replaced" replaced-primary
/set format jgrad action "overwrote" overwrote-primary
/set format jgrad action "dropped" dropped-primary
/set format jgrad action "  update created" added-update
/set format jgrad action "  update modified" modified-update
/set format jgrad action "  update replaced" replaced-update
/set format jgrad action "  update overwrote" overwrote-update
/set format jgrad action "  update dropped" dropped-update
/set format jgrad display "{result}{pre}created scratch variable {name} : {type}{post}" expression-added,modified,replaced-primary
/set format jgrad display "{result}{pre}value of {name} : {type}{post}" varvalue-added,modified,replaced-primary
/set format jgrad display "{result}{pre}assigned to {name} : {type}{post}" assignment-primary
/set format jgrad display "{result}{pre}{action} variable {name} : {type}{resolve}{post}" varinit,vardecl
/set format jgrad display "{pre}{action} variable {name}{resolve}{post}" vardecl,varinit-notdefined
/set format jgrad display "{pre}{action} variable {name}{post}" dropped-vardecl,varinit,expression
/set format jgrad display "{pre}{action} {typeKind} {name}{resolve}{post}" class,interface,enum,annotation,record
/set format jgrad display "{pre}{action} method {name}({type}){resolve}{post}" method
/set format jgrad display "{pre}attempted to use {typeKind} {name}{resolve}{post}" used-class,interface,enum,annotation,record
/set format jgrad display "{pre}attempted to call method {name}({type}){resolve}{post}" used-method
/set format jgrad display "" added,modified,replaced,overwrote,dropped-update
/set format jgrad display "{pre}{action} variable {name}, reset to null{post}" replaced-vardecl,varinit-ok-update
/set format jgrad display "{pre}{action} variable {name}{resolve}{post}" replaced-vardecl,varinit-notdefined
/set format jgrad display "{result}" added,modified,replaced-expression,varvalue,assignment,varinit,vardecl-ok-primary
/set format jgrad err "%6$s"
/set format jgrad errorline "{post}{pre}    {err}"
/set format jgrad errorpost "%n"
/set format jgrad errorpre "|  "
/set format jgrad errors "%5$s"
/set format jgrad name "%1$s"
/set format jgrad post "%n"
/set format jgrad pre "|  "
/set format jgrad resolve "{until}{unrerr}" defined,notdefined-added,modified,replaced,used
/set format jgrad result "{name} ==> {value}{post}" added,modified,replaced-ok-primary
/set format jgrad type "%2$s"
/set format jgrad typeKind "class" class
/set format jgrad typeKind "interface" interface
/set format jgrad typeKind "enum" enum
/set format jgrad typeKind "annotation interface" annotation
/set format jgrad typeKind "record" record
/set format jgrad unrerr "{unresolved} is declared" unresolved1-error0
/set format jgrad unrerr "{unresolved} are declared" unresolved2-error0
/set format jgrad unrerr " this error is corrected: {errors}" unresolved0-error1
/set format jgrad unrerr "{unresolved} is declared and this error is corrected: {errors}" unresolved1-error1
/set format jgrad unrerr "{unresolved} are declared and this error is corrected: {errors}" unresolved2-error1
/set format jgrad unrerr " these errors are corrected: {errors}" unresolved0-error2
/set format jgrad unrerr "{unresolved} is declared and these errors are corrected: {errors}" unresolved1-error2
/set format jgrad unrerr "{unresolved} are declared and these errors are corrected: {errors}" unresolved2-error2
/set format jgrad unresolved "%4$s"
/set format jgrad until ", however, it cannot be instantiated or its methods invoked until" defined-class,record-primary
/set format jgrad until ", however, its methods cannot be invoked until" defined-interface-primary
/set format jgrad until ", however, it cannot be used until" defined-enum,annotation-primary
/set format jgrad until ", however, it cannot be invoked until" defined-method-primary
/set format jgrad until ", however, it cannot be referenced until" notdefined-primary
/set format jgrad until " which cannot be instantiated or its methods invoked until" defined-class,record-update
/set format jgrad until " whose methods cannot be invoked until" defined-interface-update
/set format jgrad until " which cannot be invoked until" defined-method-update
/set format jgrad until " which cannot be referenced until" notdefined-update
/set format jgrad value "%3$s"
