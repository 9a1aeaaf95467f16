/**
 * The `lp` and `lpstat` look-alikes of the spool folder, as POSIX shell run
 * with `sh -c`: they print what CUPS's tools print. A Node script took over a
 * hundred milliseconds to start, and a certificate calls them three times;
 * these use shell builtins only, but for copying the document and the date.
 * They read the folder from ONEWINDOW_SPOOL_DIR; its files are those
 * SpoolFolder reads and writes (printer.json, jobs/ID.json and ID.data).
 */

const common = `set -eu
umask 077
LC_ALL=C
dir=\${ONEWINDOW_SPOOL_DIR:?is not set}
IFS= read -r printer < "$dir/printer.json" || true
queue=\${printer#*'"queue":"'}
queue=\${queue%%'"'*}
case $printer in *'"enabled":true'*) enabled=enabled ;; *) enabled=disabled ;; esac
reasons=\${printer#*'"reasons":['}
reasons=\${reasons%%']'*}
`;

/** `lp -d QUEUE -t TITLE [-o …] -`: the document from stdin becomes job QUEUE-N, printed at once unless the queue holds it. */
export const lpScript = `${common}
dest='' title='(stdin)'
while [ $# -gt 0 ]; do
  case $1 in
    -d) dest=$2; shift 2 ;;
    -t) title=$2; shift 2 ;;
    -o) shift 2 ;;
    *) shift ;;
  esac
done
if [ "$dest" != "$queue" ]; then echo 'lp: The printer or class does not exist.' >&2; exit 1; fi
count=0
for job in "$dir"/jobs/*.json; do [ -e "$job" ] && count=$((count + 1)); done
id="$queue-$((count + 1))"
cat > "$dir/jobs/$id.data"
if [ "$enabled" = enabled ] && [ -z "$reasons" ]; then state=completed; else state=pending; fi
case $title in *'"'* | *'\\'*) title=$(printf '%s' "$title" | sed 's/\\\\/\\\\\\\\/g; s/"/\\\\"/g') ;; esac
printf '{"id":"%s","title":"%s","state":"%s","at":"%s"}' "$id" "$title" "$state" "$(date -u +%Y-%m-%dT%H:%M:%S.000Z)" > "$dir/jobs/$id.json"
echo "request id is $id (1 file(s))"
`;

/** `lpstat -l -p QUEUE` (the queue's state and alerts) and `lpstat -W completed|not-completed -o QUEUE` (its jobs, in order). */
export const lpstatScript = `${common}
date='Tue 25 Nov 2026 09:00:00 AM UTC'
case " $* " in
  *" -p "*)
    alerts=''
    rest=$reasons
    while [ -n "$rest" ]; do
      reason=\${rest%%,*}
      reason=\${reason#'"'}
      alerts="$alerts\${alerts:+ }\${reason%'"'}"
      case $rest in *,*) rest=\${rest#*,} ;; *) rest='' ;; esac
    done
    printf 'printer %s is idle.  %s since %s\\n' "$queue" "$enabled" "$date"
    printf '\\tForm mounted:\\n\\tContent types: any\\n'
    printf '\\tAlerts: %s\\n' "\${alerts:-none}"
    ;;
  *" -o "*)
    which=not-completed previous=''
    for arg in "$@"; do
      if [ "$previous" = -W ]; then which=$arg; fi
      previous=$arg
    done
    for job in "$dir"/jobs/*.json; do
      [ -e "$job" ] || continue
      IFS= read -r line < "$job" || true
      case $line in *'"state":"completed"'*) done=completed ;; *) done=not-completed ;; esac
      [ "$done" = "$which" ] || continue
      name=\${job##*/}
      printf '%-20s onewindow         1024   %s\\n' "\${name%.json}" "$date"
    done
    ;;
esac
`;
