/**
 * `sso-oidc completion <shell>`: a completion script for bash, zsh or fish, generated from the
 * same spec as the manuals (src/cli/spec.ts). It completes the commands, each
 * command's options, the choices of --output, --color, --generate-cli-skeleton and of
 * `completion`, file paths after --ca-bundle, and (bash, zsh) file paths in `file://` values.
 *
 * README snippet — installing the completion:
 *
 *   bash, for the current session:
 *     source <(sso-oidc completion bash)
 *   bash, for every session (bash-completion loads it on demand):
 *     mkdir -p ~/.local/share/bash-completion/completions
 *     sso-oidc completion bash > ~/.local/share/bash-completion/completions/sso-oidc
 *
 *   zsh: write it as `_sso-oidc` into a directory on $fpath, before compinit runs:
 *     mkdir -p ~/.zfunc
 *     sso-oidc completion zsh > ~/.zfunc/_sso-oidc
 *     # in ~/.zshrc, before `autoload -Uz compinit && compinit`:
 *     fpath=(~/.zfunc $fpath)
 *   zsh, for the current session (after compinit): source <(sso-oidc completion zsh)
 *
 *   fish:
 *     sso-oidc completion fish > ~/.config/fish/completions/sso-oidc.fish
 */
import {
  completionModel,
  fq,
  scriptHeader,
  sq,
  valueArms,
  type CompletionCommand as Cmd,
  type CompletionModel as Model,
} from '../cli/help/completion-model.js';
import { firstSentence } from '../cli/help/text.js';
import { COMPLETION_SHELLS, COMMANDS, isFlag, type OptionSpec } from '../cli/spec.js';
import { invalidChoice, PROG } from '../cli/usage.js';
import type { CompletionInvocation } from '../cli/program.js';
import type { Deps } from '../deps.js';

const flagList = (flags: readonly OptionSpec[]): string => flags.map((o) => o.flag).join(' ');

// ---------------------------------------------------------------- bash

const BASH_VALUES = {
  arm: (flags: string, body: string) => `        ${flags}) ${body} ;;`,
  files: '_sso_oidc_files "$cur" ""',
  offer: (words: string) => `COMPREPLY=($(compgen -W "${words}" -- "$cur"))`,
  unlessDash: (body: string) => `[[ "$cur" != -* ]] && { ${body}; }`,
};

function bashCommandCase(c: Cmd): string {
  const flags = [flagList(c.own), c.globals ? '$globals' : ''].filter((s) => s !== '').join(' ');
  const words = c.words.join(' ');
  if (c.words.length === 0) return `        ${c.name}) words="${flags}" ;;`;
  if (flags === '') return `        ${c.name}) words="${words}" ;;`;
  return `        ${c.name}) words="${words}"; [[ "$cur" == -* ]] && words="${flags}" ;;`;
}

function bashScript(m: Model): string {
  return `${scriptHeader('bash')}
_sso_oidc_files() {
    local IFS=$'\\n' f
    COMPREPLY=()
    for f in $(compgen -f -- "$1"); do
        [[ -d "$f" ]] && f="$f/"
        COMPREPLY+=("$2$f")
    done
    compopt -o nospace 2>/dev/null
    return 0
}

_sso_oidc() {
    local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
    local cmd="" w i skip=0 words=""
    local globals="${flagList(m.globals)}"
    COMPREPLY=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        w="\${COMP_WORDS[i]}"
        case "$w" in :|=) skip=1; continue ;; esac
        if ((skip)); then skip=0; continue; fi
        case "$w" in
            ${m.globalValued.join('|')}) skip=1 ;;
            -*) ;;
            *) cmd="$w"; break ;;
        esac
    done
    # file://: the word arrives whole, or split at ':' when ':' is in COMP_WORDBREAKS.
    if [[ "$cur" == file://* ]]; then _sso_oidc_files "\${cur#file://}" "file://"; return; fi
    if [[ "$prev" == : && "\${COMP_WORDS[COMP_CWORD-2]}" == file && "$cur" == //* ]]; then
        _sso_oidc_files "\${cur#//}" "//"; return
    fi
    [[ "$prev" == = ]] && prev="\${COMP_WORDS[COMP_CWORD-2]}"
    case "$prev" in
${valueArms(m.valued, BASH_VALUES).join('\n')}
    esac
    case "$cmd" in
        "") words="${m.commands.map((c) => c.name).join(' ')}"; [[ "$cur" == -* ]] && words="$globals" ;;
${m.commands.map(bashCommandCase).join('\n')}
    esac
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
}

complete -F _sso_oidc ${PROG}
`;
}

// ---------------------------------------------------------------- zsh

const ZSH_VALUES = {
  arm: (flags: string, body: string) => `    (${flags}) ${body} ;;`,
  files: '_files',
  offer: (words: string) => `compadd -- ${words}`,
  unlessDash: (body: string) => `[[ $cur != -* ]] && { ${body}; }`,
};

/** A `_describe` entry: `name:summary`, quoted. */
const zshSpec = (name: string, doc: string): string => sq(`${name.replace(/:/g, '\\:')}:${firstSentence(doc)}`);

function zshCommandCase(c: Cmd): string {
  const specs = [...c.own.map((o) => zshSpec(o.flag, o.doc)), ...(c.globals ? ['"${globals[@]}"'] : [])];
  const describe = `opts=(${specs.join(' ')}); _describe -t options option opts`;
  const words = `compadd -- ${c.words.join(' ')}`;
  if (c.words.length === 0) return `    (${c.name}) ${describe} ;;`;
  if (specs.length === 0) return `    (${c.name}) ${words} ;;`;
  return `    (${c.name}) if [[ $cur == -* ]]; then ${describe}; else ${words}; fi ;;`;
}

function zshScript(m: Model): string {
  return `#compdef ${PROG}
${scriptHeader('zsh')}
_sso_oidc() {
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]} cmd= w
  local -i i skip=0
  local -a opts cmds globals
  globals=(${m.globals.map((o) => zshSpec(o.flag, o.doc)).join(' ')})
  for (( i = 2; i < CURRENT; i++ )); do
    w=\${words[i]}
    if (( skip )); then skip=0; continue; fi
    case $w in
      (${m.globalValued.join('|')}) skip=1 ;;
      (-*) ;;
      (*) cmd=$w; break ;;
    esac
  done
  if [[ $cur == file://* ]]; then compset -P 'file://'; _files; return; fi
  case $prev in
${valueArms(m.valued, ZSH_VALUES).join('\n')}
  esac
  case $cmd in
    ('')
      cmds=(${m.commands.map((c) => zshSpec(c.name, c.summary)).join(' ')})
      if [[ $cur == -* ]]; then _describe -t options option globals; else _describe -t commands command cmds; fi ;;
${m.commands.map(zshCommandCase).join('\n')}
  esac
}

if [[ \${funcstack[1]-} == _${PROG} ]]; then _sso_oidc "$@"; else compdef _sso_oidc ${PROG}; fi
`;
}

// ---------------------------------------------------------------- fish

function fishOption(o: OptionSpec, cond: string): string {
  const value = isFlag(o) ? '' : o.file ? ' -r -F' : ' -x';
  const choices = o.choices ? ` -a ${fq(o.choices.join(' '))}` : '';
  return `complete -c ${PROG} -n ${fq(cond)} -l ${o.flag.replace(/^--/, '')}${value}${choices} -d ${fq(firstSentence(o.doc))}`;
}

function fishCompletes(m: Model): string[] {
  const lines = [
    `complete -c ${PROG} -f`,
    ...m.commands.map((c) => `complete -c ${PROG} -n __sso_oidc_no_command -a ${c.name} -d ${fq(c.summary)}`),
    ...m.globals.map((o) => fishOption(o, '__sso_oidc_globals')),
  ];
  for (const c of m.commands) {
    lines.push(...c.own.map((o) => fishOption(o, `__sso_oidc_is ${c.name}`)));
    if (c.words.length > 0) lines.push(`complete -c ${PROG} -n ${fq(`__sso_oidc_is ${c.name}`)} -a ${fq(c.words.join(' '))}`);
  }
  return lines;
}

function fishScript(m: Model): string {
  return `${scriptHeader('fish')}
function __sso_oidc_command --description 'Print the command word typed so far'
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l skip 0
    for w in $tokens
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $w
            case ${m.globalValued.map((f) => `'${f}'`).join(' ')}
                set skip 1
            case '-*'
            case '*'
                echo $w
                return 0
        end
    end
    return 1
end

function __sso_oidc_no_command
    not __sso_oidc_command >/dev/null
end

function __sso_oidc_is
    set -l cmd (__sso_oidc_command)
    test "$cmd" = "$argv[1]"
end

function __sso_oidc_globals
    set -l cmd (__sso_oidc_command)
    not contains -- "$cmd" ${m.commands
      .filter((c) => !c.globals)
      .map((c) => c.name)
      .join(' ')}
end

${fishCompletes(m).join('\n')}
`;
}

const SCRIPTS: Record<(typeof COMPLETION_SHELLS)[number], (m: Model) => string> = {
  bash: bashScript,
  zsh: zshScript,
  fish: fishScript,
};

/**
 * The completion script for `shell` (bash, zsh or fish), generated from the spec.
 *
 * @throws UsageError (argparse's "Invalid choice" for `shell`) for any other shell or none.
 */
export function completionScript(shell: string | undefined): string {
  const make = COMPLETION_SHELLS.find((s) => s === shell);
  if (make === undefined) throw invalidChoice('shell', COMPLETION_SHELLS);
  return SCRIPTS[make](completionModel());
}

export const spec = COMMANDS.completion;

/** `sso-oidc completion <shell>`: writes the script. */
export function run(inv: CompletionInvocation, deps: Deps): Promise<void> {
  deps.stdout.write(completionScript(inv.shell));
  return Promise.resolve();
}
