//! A structured generator for the evaluator's target: the fuzzer's bytes choose statements and
//! expressions from the Python the evaluator reads (assignments, `+`, literals, f-strings,
//! environment reads, imports of `os`), so that nearly every input parses and reaches the
//! evaluator, instead of stopping at the parser as most random bytes do.

/// The fuzzer's bytes as a stream of choices; zeros once they run out.
struct Choices<'a> {
    bytes: &'a [u8],
}

impl Choices<'_> {
    fn byte(&mut self) -> u8 {
        match self.bytes.split_first() {
            Some((&first, rest)) => {
                self.bytes = rest;
                first
            }
            None => 0,
        }
    }

    fn below(&mut self, n: usize) -> usize {
        usize::from(self.byte()) % n.max(1)
    }

    fn pick<'s>(&mut self, items: &[&'s str]) -> &'s str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }

    fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// The names a program assigns and reads: NetBox's settings that the rules look at, and helpers.
const NAMES: &[&str] = &[
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "BASE_PATH",
    "LOGIN_REQUIRED",
    "REMOTE_AUTH_ENABLED",
    "REMOTE_AUTH_BACKEND",
    "REMOTE_AUTH_HEADER",
    "SOCIAL_AUTH_OIDC_OIDC_ENDPOINT",
    "SOCIAL_AUTH_OIDC_ENDPOINT",
    "SOCIAL_AUTH_OIDC_KEY",
    "SOCIAL_AUTH_OIDC_SECRET",
    "SOCIAL_AUTH_OIDC_SCOPE",
    "SOCIAL_AUTH_LOGIN_REDIRECT_URL",
    "SOCIAL_AUTH_PROTECTED_USER_FIELDS",
    "LOGOUT_REDIRECT_URL",
    "SECRET_KEY",
    "HOST",
    "A",
    "B",
    "os",
    "environ",
    "getenv",
];

const STRINGS: &[&str] = &[
    "''",
    "'netbox.example.com'",
    "'https://netbox.example.com'",
    "'https://auth.example.com/application/o/netbox/'",
    "'social_core.backends.open_id_connect.OpenIdConnectAuth'",
    "'netbox.authentication.RemoteUserBackend'",
    "'*'",
    "'openid'",
    "'roles'",
    "'groups'",
    "'/'",
    "'\\n\\n'",
    "'\\x1b[31m'",
    "'<script>'",
    "\"it's\"",
    "'''multi\nline'''",
    "r'\\d+'",
    "'é'",
];

const ATOMS: &[&str] = &["0", "1", "-1", "8001", "1.5", "1e309", "True", "False", "None", "b'x'", "b''", "...", "0x10"];

const ENV_VARS: &[&str] = &["'HOST'", "'SECRET'", "'X'", "''"];

fn expression(choices: &mut Choices<'_>, depth: usize, out: &mut String) {
    // Past the depth limit only leaves: the known deep-nesting crashes are not this target's.
    let kinds = if depth == 0 { 3 } else { 16 };
    match choices.below(kinds) {
        0 => out.push_str(choices.pick(STRINGS)),
        1 => out.push_str(choices.pick(ATOMS)),
        2 => out.push_str(choices.pick(NAMES)),
        3 | 4 => {
            let (open, close) = match choices.below(3) {
                0 => ("[", "]"),
                1 => ("(", ")"),
                _ => ("{", "}"),
            };
            out.push_str(open);
            let n = choices.below(4);
            for i in 0..n {
                if i > 0 {
                    out.push_str(", ");
                }
                if choices.below(8) == 0 {
                    out.push('*');
                }
                expression(choices, depth - 1, out);
            }
            if open == "(" && n == 1 {
                out.push(',');
            }
            out.push_str(close);
        }
        5 => {
            out.push('{');
            for i in 0..choices.below(4) {
                if i > 0 {
                    out.push_str(", ");
                }
                expression(choices, depth - 1, out);
                out.push_str(": ");
                expression(choices, depth - 1, out);
            }
            out.push('}');
        }
        6 | 7 => {
            // A conditional is not allowed everywhere (a comprehension's iterable): in parentheses.
            let operator = choices.pick(&[" + ", " + ", " * ", " % ", " - ", " or ", " and ", " if True else "]);
            let conditional = operator == " if True else ";
            if conditional {
                out.push('(');
            }
            expression(choices, depth - 1, out);
            out.push_str(operator);
            expression(choices, depth - 1, out);
            if conditional {
                out.push(')');
            }
        }
        8 => {
            out.push('-');
            expression(choices, depth - 1, out);
        }
        9 => {
            out.push_str(choices.pick(&["f'", "f'https://", "f'{HOST}/"]));
            for _ in 0..choices.below(3) {
                out.push('{');
                out.push_str(choices.pick(NAMES));
                out.push_str(choices.pick(&["", "!r", ":>4", "!s"]));
                out.push('}');
                out.push_str(choices.pick(&["", "/", ".", "{{x}}"]));
            }
            out.push('\'');
        }
        10 => {
            out.push_str(choices.pick(&["os.environ.get(", "os.getenv(", "environ.get(", "getenv("]));
            out.push_str(choices.pick(ENV_VARS));
            if choices.below(2) == 0 {
                out.push_str(", ");
                expression(choices, depth - 1, out);
            }
            out.push(')');
        }
        11 => {
            out.push_str(choices.pick(&["os.environ[", "environ["]));
            expression(choices, depth - 1, out);
            out.push(']');
        }
        12 => {
            out.push('(');
            expression(choices, depth - 1, out);
            out.push(')');
            out.push_str(choices.pick(&["[0]", "[1:]", ".split(',')", ".format(HOST)", ".strip('/')"]));
        }
        13 => {
            out.push_str(choices.pick(&["str(", "list(", "len(", "int(", "tuple(", "f("]));
            expression(choices, depth - 1, out);
            out.push(')');
        }
        14 => {
            out.push('[');
            expression(choices, depth - 1, out);
            out.push_str(" for x in ");
            expression(choices, depth - 1, out);
            out.push(']');
        }
        _ => {
            out.push_str("(lambda: ");
            expression(choices, depth - 1, out);
            out.push(')');
        }
    }
}

fn statement(choices: &mut Choices<'_>, indent: usize, out: &mut String) {
    out.push_str(&"    ".repeat(indent));
    let kinds = if indent >= 2 { 8 } else { 11 };
    match choices.below(kinds) {
        0..=2 => {
            out.push_str(choices.pick(NAMES));
            out.push_str(choices.pick(&[" = ", " = ", " += ", ": list = ", " = A = "]));
            expression(choices, 4, out);
        }
        3 => {
            out.push_str(choices.pick(NAMES));
            out.push_str(", ");
            out.push_str(choices.pick(NAMES));
            out.push_str(" = ");
            expression(choices, 4, out);
        }
        4 => out.push_str(choices.pick(&[
            "import os",
            "import os as o",
            "from os import environ",
            "from os import getenv",
            "from os import environ as e",
            "from django.contrib.auth.models import Group",
            "import os.path",
        ])),
        5 => {
            out.push_str(choices.pick(&["user", "os", "self"]));
            out.push('.');
            out.push_str(choices.pick(&["is_staff", "is_superuser", "environ", "groups"]));
            out.push_str(" = ");
            expression(choices, 3, out);
        }
        6 => out.push_str(choices.pick(&["pass", "del A", "A", "print(A)", "global A"])),
        7 => {
            // A comment alone is no statement: a block of comments would not parse.
            out.push_str("pass  # ");
            out.push_str(choices.pick(&["configcheck: allow netbox/setting-ignored -- x", "comment", "é"]));
        }
        8 => {
            out.push_str(choices.pick(&["if A:\n", "for A in B:\n", "with A as B:\n", "while False:\n"]));
            block(choices, indent + 1, out);
            return;
        }
        9 => {
            out.push_str("try:\n");
            block(choices, indent + 1, out);
            out.push_str(&"    ".repeat(indent));
            out.push_str(choices.pick(&[
                "except KeyError:\n",
                "except:\n",
                "finally:\n",
                "except (KeyError, IndexError) as e:\n",
            ]));
            block(choices, indent + 1, out);
            return;
        }
        _ => {
            out.push_str(choices.pick(&["def f(response, user, *args, **kwargs):\n", "class C:\n", "def g():\n"]));
            block(choices, indent + 1, out);
            return;
        }
    }
    out.push('\n');
}

fn block(choices: &mut Choices<'_>, indent: usize, out: &mut String) {
    for _ in 0..=choices.below(3) {
        statement(choices, indent, out);
    }
}

/// The Python program that `bytes` choose: at most 64 statements, expressions at most five deep,
/// ending with a newline.
pub fn python_program(bytes: &[u8]) -> String {
    let mut choices = Choices { bytes };
    let mut out = String::new();
    let mut statements = 0;
    while !choices.is_empty() && statements < 64 {
        statement(&mut choices, 0, &mut out);
        statements += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use mdbook_configcheck::finding::BlockId;
    use mdbook_configcheck::parse::netbox;

    #[test]
    fn most_generated_programs_parse() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut parsed = 0;
        for _ in 0..200 {
            let bytes: Vec<u8> = (0..64)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    seed.to_le_bytes()[0]
                })
                .collect();
            let program = super::python_program(&bytes);
            if netbox::parse(&program, BlockId(0)).syntax_errors.is_empty() {
                parsed += 1;
            }
        }
        assert!(parsed >= 180, "only {parsed} of 200 generated programs parse");
    }

    #[test]
    fn the_same_bytes_make_the_same_program_and_none_make_none() {
        assert_eq!(super::python_program(b"\x00\x01\x02"), super::python_program(b"\x00\x01\x02"));
        assert_eq!(super::python_program(b"\x00"), "ALLOWED_HOSTS = ''\n");
        assert_eq!(super::python_program(b""), "");
    }
}
