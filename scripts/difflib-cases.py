#!/usr/bin/env python3
"""Cases for src/cli/difflib.ts, computed by CPython's own difflib.

    python3 scripts/difflib-cases.py > test/fixtures/difflib/cases.json     # the fixed table
    python3 scripts/difflib-cases.py --random SEED COUNT                     # a random batch (the live test)

Each case: a word, its possibilities, ratio/quick_ratio/real_quick_ratio of every pair
(SequenceMatcher(None, possibility, word), as get_close_matches builds it) and
get_close_matches(word, possibilities, n, cutoff) for the AWS CLI's cutoff 0.8 and the default 0.6.
"""
import difflib
import json
import random
import sys

COMMANDS = ['create-token', 'create-token-with-iam', 'register-client', 'start-device-authorization', 'help', 'login', 'logout', 'completion']
OPTIONS = ['--client-id', '--client-secret', '--start-url', '--grant-type', '--device-code', '--refresh-token', '--scope', '--redirect-uri',
           '--code-verifier', '--code', '--cli-input-json', '--generate-cli-skeleton', '--debug', '--endpoint-url', '--no-verify-ssl',
           '--no-paginate', '--output', '--query', '--profile', '--region', '--version', '--color', '--no-sign-request', '--ca-bundle',
           '--cli-read-timeout', '--cli-connect-timeout', '--client-name', '--client-type', '--scopes', '--issuer-url']


def case(word, possibilities):
    pairs = []
    for x in possibilities:
        s = difflib.SequenceMatcher(None, x, word)
        pairs.append([s.ratio(), s.quick_ratio(), s.real_quick_ratio()])
    return {
        'word': word,
        'possibilities': possibilities,
        'pairs': pairs,
        'close08': difflib.get_close_matches(word, possibilities, n=3, cutoff=0.8),
        'close06': difflib.get_close_matches(word, possibilities),
        'close1': difflib.get_close_matches(word, possibilities, n=1, cutoff=0.8),
    }


def fixed():
    cases = []
    for w in ['start-device-auth', 'start-device-authorizaton', 'create-tokn', 'register-clients', 'regster-client', 'log', 'logn',
              'loginn', 'hlep', 'creat-token', 'create-token-iam', 'x', '', 'completions', 'start-device-authorization']:
        cases.append(case(w, COMMANDS))
    for w in ['--refresh-tokn', '--client', '--client-i', '--clent-id', '--regin', '--out', '--outptu', '--debg', '--qeury',
              '--endpoint', '--endpont-url', '--client-secrt', '--device-cod', '--scopes', '--cli-read-timout', '--ca-bundel']:
        cases.append(case(w, OPTIONS))
    # Ties: equal scores, the greater word first.
    cases.append(case('abcd', ['abce', 'abcf', 'abcg', 'abch', 'zbcd']))
    cases.append(case('ab', ['ba', 'ab', 'aa', 'bb']))
    # Astral code points (Python indexes by code point) and ordering past U+FFFF.
    cases.append(case('a\U0001F600b', ['a\U0001F600c', 'a\uffffb', 'a\U0001F601b', 'ab']))
    # autojunk: a word of 200+ elements with popular characters.
    long_word = 'ab' * 100 + 'xyz'
    cases.append(case(long_word, ['ab' * 100, 'ba' * 100 + 'xyz', 'xyz' + 'ab' * 100, 'a' * 203]))
    long2 = ''.join(random.Random(7).choice('abcdefghij') for _ in range(450))
    cases.append(case(long2, [long2[::-1], long2[10:] + 'qq', long2[:300], long2.replace('a', 'k')]))
    cases.append(case('q' * 199, ['q' * 199, 'q' * 150]))
    cases.append(case('q' * 200, ['q' * 200, 'q' * 150]))
    return cases


def random_cases(seed, count):
    rnd = random.Random(seed)
    alphabet = 'abcde-'
    out = []
    for _ in range(count):
        length = rnd.choice([0, 1, 2, 5, 10, 20, 40, 210, 260])
        word = ''.join(rnd.choice(alphabet) for _ in range(length))
        possibilities = []
        for _ in range(rnd.randint(1, 6)):
            p = list(word)
            for _ in range(rnd.randint(0, 4)):
                op = rnd.random()
                pos = rnd.randint(0, len(p))
                if op < 0.4:
                    p.insert(pos, rnd.choice(alphabet))
                elif op < 0.8 and p:
                    del p[min(pos, len(p) - 1)]
                elif p:
                    p[min(pos, len(p) - 1)] = rnd.choice(alphabet)
            possibilities.append(''.join(p))
        out.append(case(word, possibilities))
    return out


if __name__ == '__main__':
    if len(sys.argv) == 4 and sys.argv[1] == '--random':
        cases = random_cases(int(sys.argv[2]), int(sys.argv[3]))
    else:
        cases = fixed()
    json.dump(cases, sys.stdout, ensure_ascii=True, indent=None)
    sys.stdout.write('\n')
