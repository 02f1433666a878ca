//! The real binary on fixture books (a folder per scenario beside this file), and real mdBook
//! builds of them through the preprocessor protocol.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

mod common;

use common::copy_dir;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(name)
}

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mdbook-configcheck"));
    command.env_remove("MDBOOK_PREPROCESSOR__CONFIGCHECK__STRICT").env("NO_COLOR", "1");
    command
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn check(name: &str, extra: &[&str]) -> (i32, String) {
    let book = fixture(name);
    let mut args = vec!["check", book.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = run(&args);
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap())
}

fn json(name: &str) -> (i32, Value) {
    let (code, stdout) = check(name, &["--format", "json"]);
    (code, serde_json::from_str(&stdout).expect("valid JSON"))
}

/// (rule, line, severity, expected) of every diagnostic.
fn rules(report: &Value) -> Vec<(String, u64, String, bool)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["severity"].as_str().unwrap().to_string(),
                d["expected"].as_bool().unwrap(),
            )
        })
        .collect()
}

/// The first finding of `rule` in a JSON report.
fn finding<'a>(report: &'a Value, rule: &str) -> &'a Value {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {report:#}"))
}

fn has(report: &Value, rule: &str, line: u64) -> bool {
    rules(report).iter().any(|(r, l, _, _)| r == rule && *l == line)
}

/// Line number (1-based) of the first line of a file that contains `needle`.
fn line_of(path: &Path, needle: &str) -> u64 {
    let text = fs::read_to_string(path).unwrap();
    text.lines().position(|l| l.contains(needle)).expect(needle) as u64 + 1
}

/// Copy a fixture to a scratch directory whose book.toml runs this binary as the preprocessor,
/// so that a real mdBook drives it through the JSON protocol.
fn scratch_book(name: &str, extra_toml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(name), dir.path());
    let toml_path = dir.path().join("book.toml");
    let toml = fs::read_to_string(&toml_path).unwrap();
    let command = format!("command = {:?}\n", env!("CARGO_BIN_EXE_mdbook-configcheck"));
    let toml = toml.replacen("[preprocessor.configcheck]\n", &format!("[preprocessor.configcheck]\n{command}"), 1);
    fs::write(&toml_path, format!("{toml}\n{extra_toml}")).unwrap();
    dir
}

fn mdbook_build(dir: &Path) -> anyhow::Result<()> {
    mdbook_driver::MDBook::load(dir)?.build()
}

// --- the must-show of the issue ---------------------------------------------------------------

#[test]
fn the_reviewed_snippet_fails_with_the_three_findings_on_their_own_lines() {
    let (code, report) = json("reviewed-snippet");
    assert_eq!(code, 1, "an error fails `check`");
    let chapter = fixture("reviewed-snippet/src/netbox.md");
    let redirect = line_of(&chapter, "SOCIAL_AUTH_LOGIN_REDIRECT_URL = True");
    let header = line_of(&chapter, "REMOTE_AUTH_HEADER =");
    let protected = line_of(&chapter, "SOCIAL_AUTH_PROTECTED_USER_FIELDS");
    assert!(rules(&report).contains(&("netbox/login-redirect-url-type".into(), redirect, "error".into(), false)));
    assert!(has(&report, "netbox/remote-auth-header-unused", header));
    assert!(has(&report, "netbox/protected-user-fields-obsolete", protected));
    let first = &report["diagnostics"][0];
    assert_eq!(first["path"], "src/netbox.md");
    assert_eq!(first["block"]["kind"], "netbox");
    assert_eq!(first["block"]["file"], "configuration.py");
    assert_eq!(report["summary"]["blocks"], 1);
    assert_eq!(report["version"], 1);
}

#[test]
fn human_and_json_output_are_stable() {
    let (_, human) = check("reviewed-snippet", &[]);
    insta::assert_snapshot!("reviewed_snippet_human", human);
    let (_, json) = check("reviewed-snippet", &["--format", "json"]);
    insta::assert_snapshot!("reviewed_snippet_json", json);
    let (_, human) = check("expectations", &[]);
    insta::assert_snapshot!("expectations_human", human);
    // --verbose: the expected findings and infos too, each as the default prints a failing one.
    let (_, human) = check("reviewed-snippet", &["--verbose"]);
    insta::assert_snapshot!("reviewed_snippet_human_verbose", human);
    let (_, human) = check("expectations", &["--verbose"]);
    insta::assert_snapshot!("expectations_human_verbose", human);
}

// --- extraction --------------------------------------------------------------------------------

#[test]
fn a_correct_configuration_is_clean() {
    let (code, report) = json("clean");
    assert_eq!(code, 0);
    assert_eq!(rules(&report), vec![]);
    assert_eq!(report["summary"]["blocks"], 1, "the unchecked python block is not counted");
}

#[test]
fn blocks_inside_lists_and_blockquotes_have_exact_positions() {
    let (_, report) = json("nested");
    let chapter = fixture("nested/src/nested.md");
    let line = line_of(&chapter, "SOCIAL_AUTH_LOGIN_REDIRECT_URL = True");
    let d = finding(&report, "netbox/login-redirect-url-type");
    assert_eq!(d["line"], line);
    // `   SOCIAL_AUTH_LOGIN_REDIRECT_URL = True`: the value starts after the list indentation.
    assert_eq!(d["column"], 37);
    assert_eq!(d["end_column"], 41);
    let quoted = line_of(&chapter, "> REMOTE_AUTH_HEADER");
    assert!(has(&report, "netbox/remote-auth-header-unused", quoted));
    let d = finding(&report, "netbox/remote-auth-header-unused");
    assert_eq!(d["column"], 3, "after the `> ` of the blockquote");
}

#[test]
fn included_files_are_checked_and_named_with_their_own_lines() {
    let (code, report) = json("includes");
    assert_eq!(code, 1);
    let conf = fixture("includes/conf/configuration.py");
    let scope = line_of(&conf, "SOCIAL_AUTH_OIDC_SCOPE");
    let redirect = line_of(&conf, "SOCIAL_AUTH_LOGIN_REDIRECT_URL");
    let by_rule = |rule: &str| {
        report["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == rule).cloned().collect::<Vec<_>>()
    };
    let scope_d = &by_rule("netbox/oidc-scope-type")[0];
    assert_eq!(
        (scope_d["path"].as_str().unwrap(), scope_d["line"].as_u64().unwrap()),
        ("conf/configuration.py", scope)
    );
    assert_eq!(by_rule("netbox/login-redirect-url-type")[0]["line"], redirect);
    let includes = by_rule("configcheck/include-error");
    assert_eq!(includes.len(), 2, "missing file and missing anchor");
    let chapter = fixture("includes/src/included.md");
    assert_eq!(includes[0]["path"], "src/included.md");
    assert_eq!(includes[0]["line"], line_of(&chapter, "missing.py"));
    assert!(includes[1]["message"].as_str().unwrap().contains("nosuchanchor"));
}

#[test]
fn unknown_kinds_and_misspelt_attributes_are_reported_where_they_are_written() {
    let (code, report) = json("attributes");
    assert_eq!(code, 1);
    let found = rules(&report);
    let unknown: Vec<_> = found.iter().filter(|(r, ..)| r == "configcheck/unknown-attribute").collect();
    assert_eq!(unknown.len(), 5, "{found:?}");
    let messages: Vec<&str> =
        report["diagnostics"].as_array().unwrap().iter().map(|d| d["message"].as_str().unwrap()).collect();
    assert!(messages.iter().any(|m| m.contains("did you mean `check=nginx`")));
    assert!(messages.iter().any(|m| m.contains("did you mean `check=`")));
    assert!(messages.iter().any(|m| m.contains("did you mean `expect=`")));
    assert!(messages.iter().any(|m| m.contains("did you mean `variant`")));
    assert!(messages.iter().any(|m| m.contains("only means something on a checked block")));
}

#[test]
fn a_syntax_error_is_reported_at_the_parser_position_and_other_blocks_are_still_checked() {
    let (code, report) = json("syntax-error");
    assert_eq!(code, 1);
    let chapter = fixture("syntax-error/src/broken.md");
    let errors: Vec<_> = rules(&report).into_iter().filter(|(r, ..)| r == "configcheck/syntax-error").collect();
    assert_eq!(errors.len(), 1, "one finding per broken block");
    // The parser stops on the next line, inside the unclosed `[`; Python (3.11.7) reports
    // "'[' was never closed" at the bracket, and so does the checker.
    assert_eq!(errors[0].1, line_of(&chapter, "ALLOWED_HOSTS"));
    let message = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "configcheck/syntax-error")
        .unwrap()["message"]
        .as_str()
        .unwrap();
    assert!(message.contains("'[' was never closed"), "{message}");
    assert!(has(&report, "netbox/login-redirect-url-type", line_of(&chapter, "SOCIAL_AUTH_LOGIN_REDIRECT_URL")));
}

#[test]
fn environment_values_never_produce_a_finding() {
    let (code, report) = json("environment");
    assert_eq!((code, rules(&report)), (0, vec![]));
}

// --- expectations, variants, allows, overrides, targets ---------------------------------------

#[test]
fn expectations_variants_and_allows_behave_as_designed() {
    let (code, report) = json("expectations");
    assert_eq!(code, 1);
    let t = fixture("expectations/src/troubleshooting.md");
    let found = rules(&report);
    // The deliberate mistake is shown as expected and does not count.
    assert!(found.contains(&("netbox/login-redirect-url-type".into(), line_of(&t, "= True"), "error".into(), true)));
    // An expect= that no longer fires.
    assert!(has(&report, "configcheck/expectation-unmet", line_of(&t, "expect=netbox/remote-auth-header-unused")));
    // A variant reports what it breaks, on its own line.
    assert!(has(&report, "netbox/backend-path", line_of(&t, "OpenIdConnect'")));
    // Allows: unknown rule, unused, missing reason; the reasoned one in main.md suppresses.
    assert!(has(&report, "configcheck/unknown-rule", line_of(&t, "no-such-rule")));
    assert!(has(&report, "configcheck/unused-allow", line_of(&t, "nothing to allow here")));
    assert!(has(&report, "configcheck/invalid-allow", line_of(&t, "allow netbox/setting-ignored -->")));
    // The main deployment is not affected by the variants: main.md has no finding at all.
    assert!(!report["diagnostics"].as_array().unwrap().iter().any(|d| d["path"] == "src/main.md"), "{found:?}");
    assert_eq!(report["summary"]["errors"], 4, "{found:?}");
}

#[test]
fn severity_overrides_and_target_versions_change_what_is_reported() {
    let (_, report) = json("overrides");
    let chapter = fixture("overrides/src/netbox.md");
    let found = rules(&report);
    assert!(found.contains(&(
        "netbox/remote-auth-header-unused".into(),
        line_of(&chapter, "REMOTE_AUTH_HEADER"),
        "error".into(),
        false
    )));
    assert!(!found.iter().any(|(r, ..)| r == "netbox/oidc-scope-redundant"), "turned off");
    // NetBox 3.4: lists are not accepted yet, and protecting `groups` was still needed.
    assert!(has(&report, "netbox/backend-list-version", line_of(&chapter, "REMOTE_AUTH_BACKEND")));
    assert!(!found.iter().any(|(r, ..)| r == "netbox/protected-user-fields-obsolete"));
}

#[test]
fn deny_warnings_makes_warnings_fail_check() {
    assert_eq!(check("warnings-only", &[]).0, 0);
    assert_eq!(check("warnings-only", &["--deny-warnings"]).0, 1);
}

/// `lint --help` names what it reads (compose files, their `env_file:` and `environment:`), and
/// neither help speaks of a chapter's lines for options `lint` shares (its lines are its files').
#[test]
fn lint_help_names_what_it_reads_and_no_help_speaks_of_a_chapters_lines() {
    let help = |args: &[&str]| String::from_utf8(run(args).stdout).unwrap();
    for command in ["check", "lint"] {
        let text = help(&[command, "--help"]);
        assert!(!text.contains("chapter's"), "lint's lines are its files', not a chapter's:\n{text}");
    }
    let lint = help(&["lint", "--help"]);
    for named in ["env_file:", "environment:", "compose.yaml", "docker-compose.yml", "env/netbox.env"] {
        assert!(lint.contains(named), "{named} in:\n{lint}");
    }
}

#[test]
fn a_book_that_cannot_be_read_exits_2_with_a_message() {
    let out = run(&["check", "/nonexistent/book"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error:"));
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("clean"), dir.path());
    fs::write(dir.path().join("book.toml"), "[preprocessor.configcheck]\nstrikt = true\n").unwrap();
    let out = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("strikt") && stderr.contains("book.toml"), "{stderr}");
}

// --- machine formats ----------------------------------------------------------------------------

#[test]
fn sarif_output_reads_back_as_sarif_2_1_0() {
    let (_, text) = check("reviewed-snippet", &["--format", "sarif"]);
    let sarif: serde_sarif::sarif::Sarif = serde_json::from_str(&text).expect("typed SARIF");
    assert_eq!(serde_json::to_value(&sarif.version).unwrap(), "2.1.0");
    let run = &sarif.runs[0];
    assert_eq!(run.tool.driver.name, "mdbook-configcheck");
    let results = run.results.as_ref().unwrap();
    let redirect = results.iter().find(|r| r.rule_id.as_deref() == Some("netbox/login-redirect-url-type")).unwrap();
    let region = redirect.locations.as_ref().unwrap()[0].physical_location.as_ref().unwrap().region.as_ref().unwrap();
    assert_eq!(
        region.start_line,
        Some(line_of(&fixture("reviewed-snippet/src/netbox.md"), "REDIRECT_URL = True") as i64)
    );
    let rules = run.tool.driver.rules.as_ref().unwrap();
    assert!(rules.iter().any(|r| r.id == "netbox/setting-removed"), "the catalog travels with the results");
}

#[test]
fn github_annotations_are_workflow_commands_with_positions() {
    let (_, text) = check("reviewed-snippet", &["--format", "github"]);
    let line = line_of(&fixture("reviewed-snippet/src/netbox.md"), "REDIRECT_URL = True");
    assert!(text.lines().any(|l| l.starts_with(&format!(
        "::error file=src/netbox.md,line={line},endLine={line},col=34,endColumn=38,title=netbox/login-redirect-url-type::"
    ))), "{text}");
    assert!(text.lines().any(|l| l.starts_with("::warning ") && l.contains("title=netbox/remote-auth-header-unused")));
    assert!(text.lines().any(|l| l.starts_with("::notice ")));
    assert!(text.lines().all(|l| l.starts_with("::")), "one command per line, messages escaped");
}

// --- the preprocessor protocol through a real mdBook ------------------------------------------

#[test]
fn supports_every_renderer() {
    assert!(run(&["supports", "html"]).status.success());
    assert!(run(&["supports", "markdown"]).status.success());
}

#[test]
fn an_mdbook_0_4_input_is_refused_with_the_versions_named() {
    let mut child = bin().stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let input = fs::read(fixture("protocol/mdbook-0.4-input.json")).unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), &input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "nothing on stdout for mdBook to misread");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("0.4.52") && stderr.contains("0.5"), "{stderr}");
    assert!(!stderr.contains("unknown field"), "not a serde error: {stderr}");
}

#[test]
fn mdbook_renders_the_findings_after_their_block_and_strips_our_attributes() {
    let dir = scratch_book("reviewed-snippet", "");
    mdbook_build(dir.path()).expect("non-strict build succeeds despite findings");
    let html = fs::read_to_string(dir.path().join("book/netbox.html")).unwrap();
    let code_end = html.find("</code></pre>").expect("the block");
    let box_start = html.find("<div class=\"configcheck\"").expect("the findings box");
    assert!(box_start > code_end, "the box follows its block");
    assert!(html[box_start..].contains("netbox/login-redirect-url-type"));
    assert!(!html.contains("check=netbox") && !html.contains("check-netbox"), "no stray classes");
    assert!(html.contains("<code class=\"language-python"));
    // A reader counts lines in the block, not in the chapter's source: chapter line 21 is the
    // block's 15th.
    let box_html = &html[box_start..];
    assert!(box_html.contains("line 15:"), "the line within the block: {box_html}");
    assert!(!box_html.contains("line 21"), "not the chapter source line");
}

#[test]
fn boxes_stay_inside_their_list_item_and_blockquote() {
    let dir = scratch_book("nested", "");
    mdbook_build(dir.path()).unwrap();
    let html = fs::read_to_string(dir.path().join("book/nested.html")).unwrap();
    let boxes: Vec<usize> = html.match_indices("<div class=\"configcheck\"").map(|(i, _)| i).collect();
    assert_eq!(boxes.len(), 2, "{html}");
    let item_open = html[..boxes[0]].rfind("<li>").unwrap();
    assert!(!html[item_open..boxes[0]].contains("</li>"), "first box inside the list item");
    assert!(html[boxes[0]..].find("</li>").unwrap() < html[boxes[0]..].find("Restart NetBox").unwrap());
    let quote_open = html[..boxes[1]].rfind("<blockquote").unwrap();
    assert!(!html[quote_open..boxes[1]].contains("</blockquote>"), "second box inside the blockquote");
    let restart = boxes[0] + html[boxes[0]..].find("Restart NetBox").unwrap();
    assert!(!html[boxes[0]..restart].contains("</ol>"), "the list goes on after the box");
}

#[test]
fn blocks_wrong_on_purpose_are_labelled_before_the_block_in_the_warning_colour() {
    let dir = scratch_book("expectations", "");
    mdbook_build(dir.path()).unwrap();
    let html = fs::read_to_string(dir.path().join("book/troubleshooting.html")).unwrap();
    assert!(html.contains("configcheck configcheck-teaching"));
    assert!(html.contains("configcheck-expected"));
    // The label comes before the block, inside a wrapper that holds the block.
    let block = html.find("SOCIAL_AUTH_LOGIN_REDIRECT_URL").expect("the broken block");
    let label = html.find("Wrong on purpose — do not copy").expect("the label");
    let wrapper = html[..block].rfind("<div class=\"configcheck-wrong").expect("wrapper before the block");
    assert!(wrapper < label && label < block, "label before the block");
    let box_start = html[block..].find("<div class=\"configcheck configcheck-teaching").unwrap() + block;
    assert!(html[wrapper..box_start].contains("</code></pre>"), "the wrapper holds the block");
    // Warning colour, not the tip (green) colour; and the copy button is taken off these blocks.
    let css = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    assert!(!css.contains("tip-color"), "no green: {css}");
    assert!(css.contains(".configcheck-wrong .clip-button{display:none"), "{css}");
    // A block that is not wrong on purpose gets no label.
    let main = fs::read_to_string(dir.path().join("book/main.html")).unwrap();
    assert!(!main.contains("Wrong on purpose"));
}

#[test]
fn hostile_block_text_is_escaped_in_the_page() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("clean"), dir.path());
    fs::write(
        dir.path().join("src/netbox.md"),
        "# x\n\n```python,check=netbox\nALLOWED_HOSTS = 'https://<script>alert(1)</script>'\nSOCIAL_AUTH_LOGIN_REDIRECT_URL = ['<img src=x onerror=alert(1)>']\n```\n",
    )
    .unwrap();
    let toml = format!(
        "[book]\ntitle = \"x\"\n[preprocessor.configcheck]\ncommand = {:?}\n",
        env!("CARGO_BIN_EXE_mdbook-configcheck")
    );
    fs::write(dir.path().join("book.toml"), toml).unwrap();
    mdbook_build(dir.path()).unwrap();
    let html = fs::read_to_string(dir.path().join("book/netbox.html")).unwrap();
    let box_html = &html[html.find("<div class=\"configcheck\"").unwrap()..];
    let box_html = &box_html[..box_html.find("</div>").unwrap()];
    assert!(!box_html.contains("<script>") && !box_html.contains("<img"), "{box_html}");
    assert!(box_html.contains("&lt;script&gt;") && box_html.contains("&lt;img"));
}

#[test]
fn other_renderers_get_a_markdown_blockquote() {
    let dir = scratch_book("strict", "[output.html]\n[output.markdown]\n");
    fs::write(
        dir.path().join("book.toml"),
        fs::read_to_string(dir.path().join("book.toml")).unwrap().replace("strict = true", ""),
    )
    .unwrap();
    mdbook_build(dir.path()).unwrap();
    let md = fs::read_to_string(dir.path().join("book/markdown/strict.md")).unwrap();
    assert!(md.contains("> **mdbook-configcheck** error `netbox/login-redirect-url-type` (line 1)"), "{md}");
    assert!(!md.contains("<div"), "{md}");
}

#[test]
fn strict_mode_fails_the_mdbook_build_and_the_environment_can_turn_it_on() {
    let dir = scratch_book("strict", "");
    let error = mdbook_build(dir.path()).expect_err("strict + error fails");
    assert!(format!("{error:#}").contains("configcheck"), "{error:#}");
    // The non-strict warnings-only book passes, unless CI turns strict mode on.
    let dir = scratch_book("strict", "");
    fs::write(
        dir.path().join("book.toml"),
        fs::read_to_string(dir.path().join("book.toml")).unwrap().replace("strict = true", ""),
    )
    .unwrap();
    mdbook_build(dir.path()).expect("not strict");
    let out = run(&["build", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    let out = bin()
        .args(["build", dir.path().to_str().unwrap()])
        .env("MDBOOK_PREPROCESSOR__CONFIGCHECK__STRICT", "true")
        .output()
        .unwrap();
    assert!(!out.status.success(), "strict from the environment");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("strict mode fails the build") && stderr.contains("netbox/login-redirect-url-type"),
        "{stderr}"
    );
}

#[test]
fn the_build_subcommand_needs_no_mdbook_install_and_prints_findings_with_positions() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("reviewed-snippet"), dir.path());
    let out = run(&["build", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--> src/netbox.md:21:34"), "{stderr}");
    assert!(dir.path().join("book/netbox.html").exists());
}

#[test]
fn configuration_looking_blocks_without_check_are_reported_and_a_book_can_make_that_an_error() {
    let (code, report) = json("unchecked");
    assert_eq!(code, 1, "raised to error in book.toml");
    let chapter = fixture("unchecked/src/unchecked.md");
    let found = rules(&report);
    let lines: Vec<u64> =
        found.iter().filter(|(r, ..)| r == "configcheck/unchecked-block").map(|(_, l, ..)| *l).collect();
    assert_eq!(
        lines,
        vec![line_of(&chapter, "```python"), line_of(&chapter, "```nginx"), line_of(&chapter, "```yaml")]
    );
    assert_eq!(found.len(), 3, "print() and a CI workflow stay quiet: {found:?}");
    // By default it is only information, and the page is not touched.
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("unchecked"), dir.path());
    fs::write(
        dir.path().join("book.toml"),
        format!(
            "[book]\ntitle = \"u\"\n[preprocessor.configcheck]\ncommand = {:?}\n",
            env!("CARGO_BIN_EXE_mdbook-configcheck")
        ),
    )
    .unwrap();
    let out = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    mdbook_build(dir.path()).unwrap();
    let html = fs::read_to_string(dir.path().join("book/unchecked.html")).unwrap();
    assert!(!html.contains("configcheck"), "findings about unannotated blocks stay out of the page");
}

#[test]
fn the_committed_rule_reference_is_the_registry() {
    let out = run(&["rules"]);
    assert!(out.status.success());
    let generated = String::from_utf8(out.stdout).unwrap();
    let committed = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../RULES.md")).unwrap();
    assert!(committed == generated, "RULES.md is stale: run `cargo run -p mdbook-configcheck -- rules > RULES.md`");
    for id in [
        "netbox/login-redirect-url-type",
        "flow/redirect-uri-mismatch",
        "nginx/syntax-test-failed",
        "configcheck/unchecked-block",
    ] {
        assert!(generated.contains(&format!("### `{id}`")), "{id}");
    }
}

#[test]
fn findings_link_to_their_entry_in_the_generated_reference_chapter() {
    let dir = scratch_book("reference-links", "");
    mdbook_build(dir.path()).unwrap();
    let page = fs::read_to_string(dir.path().join("book/guide/netbox.html")).unwrap();
    assert!(
        page.contains("<a href=\"../reference.html#netbox-login-redirect-url-type\"><code>netbox/login-redirect-url-type</code></a>"),
        "{page}"
    );
    let reference = fs::read_to_string(dir.path().join("book/reference.html")).unwrap();
    assert!(reference.contains("id=\"netbox-login-redirect-url-type\""), "the anchor exists");
    assert!(!reference.contains("{{#configcheck-rules}}"));
    for rule in ["configcheck/syntax-error", "flow/redirect-uri-mismatch", "authentik/encryption-key-set"] {
        assert!(reference.contains(rule), "{rule}");
    }
}

#[test]
fn offending_lines_are_marked_inside_the_code_block() {
    let dir = scratch_book("reviewed-snippet", "");
    mdbook_build(dir.path()).unwrap();
    let html = fs::read_to_string(dir.path().join("book/netbox.html")).unwrap();
    let wrapper = html.find("<div class=\"configcheck-marked\"").expect("wrapper");
    let code = html.find("<pre><code").unwrap();
    assert!(wrapper < code && html[wrapper..].find("</div>").unwrap() > html[wrapper..].find("</code></pre>").unwrap());
    // Chapter line 8, REMOTE_AUTH_ENABLED, is the block's second line (1lh from the top); the
    // error on SOCIAL_AUTH_LOGIN_REDIRECT_URL (line 21, the 15th) is tinted as an error.
    let style = &html[wrapper..wrapper + html[wrapper..].find('>').unwrap()];
    assert!(style.contains("transparent 1lh, var(--configcheck-tint-info) 1lh"), "{style}");
    assert!(style.contains("transparent 14lh, var(--configcheck-tint-error) 14lh"), "{style}");
    // The tints are defined once per page, from the theme's own colours.
    assert!(html.contains("--configcheck-tint-error:color-mix(in srgb,var(--blockquote-caution-color"));
    assert!(!style.contains("transparent 0lh,"), "the ALLOWED_HOSTS line has no finding: {style}");
}

#[test]
fn the_guide_builds_strictly_and_its_reference_chapter_lists_every_rule() {
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = tempfile::tempdir().unwrap();
    let build = bin()
        .args(["build", guide.to_str().unwrap(), "-d", out.path().to_str().unwrap()])
        .env("MDBOOK_PREPROCESSOR__CONFIGCHECK__STRICT", "true")
        .output()
        .unwrap();
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let reference = fs::read_to_string(out.path().join("reference.html")).unwrap();
    let registry = String::from_utf8(run(&["rules"]).stdout).unwrap();
    let ids: Vec<&str> =
        registry.lines().filter_map(|l| l.strip_prefix("### `")).filter_map(|l| l.split('`').next()).collect();
    assert!(ids.len() > 50, "{ids:?}");
    for id in ids {
        let anchor = id.replace('/', "-");
        assert!(reference.contains(&format!("id=\"{anchor}\"")), "{id} missing from the guide's reference chapter");
    }
}

// --- a closed stdout (issue 11, crash list) ----------------------------------------------------

/// Run the binary with its stdout a pipe whose reader is already gone, as in `… | head -0`.
fn with_closed_stdout(args: &[&str]) -> Output {
    let mut child = bin().args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_stdout_ends_quietly_without_a_panic() {
    let book = fixture("syntax-error");
    for args in [
        vec!["check", book.to_str().unwrap()],
        vec!["check", book.to_str().unwrap(), "--format", "json"],
        vec!["rules"],
    ] {
        let out = with_closed_stdout(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked") && !stderr.contains("failed printing"), "{args:?}: {stderr}");
        assert_ne!(out.status.code(), Some(101), "{args:?}: a panic's exit code");
    }
    // The exit code still says whether the book has failing findings.
    assert_eq!(with_closed_stdout(&["check", book.to_str().unwrap()]).status.code(), Some(1));
}

// --- clear messages (issue 11, item 9) ---------------------------------------------------------

/// A scratch book of one empty chapter with `toml` as its book.toml.
fn book_with_toml(toml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("src")).unwrap();
    fs::write(dir.path().join("src/SUMMARY.md"), "- [T](t.md)\n").unwrap();
    fs::write(dir.path().join("src/t.md"), "# T\n").unwrap();
    fs::write(dir.path().join("book.toml"), toml).unwrap();
    dir
}

#[test]
fn a_target_version_the_rules_do_not_know_is_a_warning_naming_the_versions_they_know() {
    let dir = book_with_toml("[book]\ntitle = \"t\"\n\n[preprocessor.configcheck.targets]\nnetbox = \"99.0\"\n");
    let out = run(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let warning = finding(&report, "configcheck/unknown-target");
    assert_eq!(warning["severity"], "warning");
    assert_eq!(warning["path"], "book.toml");
    assert_eq!(warning["line"], 5);
    let message = warning["message"].as_str().unwrap();
    assert!(message.contains("99.0") && message.contains("3.1") && message.contains("4.7"), "{message}");
    assert_eq!(out.status.code(), Some(0), "a warning");
    // A version the rules know is no finding.
    let dir = book_with_toml("[book]\ntitle = \"t\"\n\n[preprocessor.configcheck.targets]\nnetbox = \"4.6\"\n");
    let report: Value =
        serde_json::from_slice(&run(&["check", dir.path().to_str().unwrap(), "--format", "json"]).stdout).unwrap();
    assert!(report["diagnostics"].as_array().unwrap().is_empty(), "{report:#}");
}

#[test]
fn a_bad_environment_override_names_the_variable_not_book_toml() {
    let dir = book_with_toml("[book]\ntitle = \"t\"\n\n[preprocessor.configcheck]\n");
    for (name, value) in [
        ("MDBOOK_PREPROCESSOR__CONFIGCHECK__STRICT", "yes"),
        ("MDBOOK_PREPROCESSOR__CONFIGCHECK__STRIKT", "true"),
        ("MDBOOK_PREPROCESSOR__CONFIGCHECK__TARGETS__NETBOX", "four"),
    ] {
        let out = bin().args(["check", dir.path().to_str().unwrap()]).env(name, value).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(name), "{name}: {stderr}");
        assert!(!stderr.contains("book.toml:"), "{name}: book.toml is not to blame: {stderr}");
    }
}

/// The protocol input for a book of one chapter nested `depth` chapters deep, from `version`.
fn protocol_input(root: &Path, version: &str, depth: usize) -> Vec<u8> {
    let context = mdbook_preprocessor::PreprocessorContext::new(
        root.to_path_buf(),
        mdbook_preprocessor::config::Config::default(),
        "html".into(),
    );
    let mut context = serde_json::to_value(&context).unwrap();
    context["mdbook_version"] = version.into();
    // Written as text: a `Value` this deep would overflow the test's own stack.
    let open = r##"{"Chapter":{"name":"c","content":"# c\n","number":null,"path":"c.md","source_path":"c.md","parent_names":[],"sub_items":["##;
    let close = "]}}";
    format!("[{context},{{\"items\":[{}{}]}}]", open.repeat(depth + 1), close.repeat(depth + 1)).into_bytes()
}

fn preprocess(input: &[u8]) -> Output {
    let mut child = bin().stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || std::io::Write::write_all(&mut stdin, &input));
    let out = child.wait_with_output().unwrap();
    let _ = writer.join();
    out
}

#[test]
fn deeply_nested_chapters_are_read_and_never_called_not_json() {
    let dir = tempfile::tempdir().unwrap();
    // serde_json alone refuses 43 levels of chapters; the limit is about 330.
    let out = preprocess(&protocol_input(dir.path(), "0.5.4", 325));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let book = String::from_utf8(out.stdout).unwrap();
    assert!(book.starts_with("{\"items\":["), "the book comes back");
    assert_eq!(book.matches("\"sub_items\":[").count(), 326, "with every level of chapters");
    // Past the limit: a message that says so.
    let out = preprocess(&protocol_input(dir.path(), "0.5.4", 5_000));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(!stderr.contains("not JSON") && stderr.contains("nest"), "{stderr}");
}

#[test]
fn a_newer_mdbook_is_told_which_versions_are_supported_not_to_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let out = preprocess(&protocol_input(dir.path(), "0.6.0", 0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("0.6.0") && stderr.contains("0.5"), "{stderr}");
    assert!(!stderr.contains("upgrade"), "{stderr}");
}

#[test]
fn a_book_toml_nested_past_toml_s_limit_is_a_message_not_a_crash() {
    let deep = format!("[book]\ntitle = \"t\"\n\n[x]\ny = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let dir = book_with_toml(&deep);
    let out = run(&["check", dir.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("book.toml") && stderr.contains("recurs"), "{stderr}");
}
