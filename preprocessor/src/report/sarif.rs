//! `--format sarif`: SARIF 2.1.0, the subset GitHub code scanning reads.
//!
//! Expected findings are included as results with an in-source suppression, so code scanning
//! shows them as closed rather than dropping the information.

use serde::Serialize;

use crate::check::Checked;
use crate::finding::Severity;
use crate::rules;

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    results: Vec<SarifResult<'a>>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    short_description: Text,
    help: Text,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    fact: &'static str,
    applies: String,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    level: &'static str,
    message: Text,
    locations: Vec<SarifLocation<'a>>,
    /// Secondary places (SARIF 2.1.0 §3.27.22), each with its label as the location's message.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    justification: &'static str,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Render the SARIF log.
pub fn render(checked: &Checked) -> String {
    let rules = rules::all()
        .map(|rule| RuleDescriptor {
            id: rule.id,
            short_description: Text { text: rule.summary.to_string() },
            help: Text { text: rule.help.to_string() },
            default_configuration: Configuration { level: level(rule.severity) },
            properties: RuleProperties { fact: rule.fact, applies: rule.applies.to_string() },
        })
        .collect();
    let results = checked
        .diagnostics
        .iter()
        .map(|d| SarifResult {
            rule_id: d.rule,
            level: level(d.severity),
            message: Text { text: format!("{}\nhelp: {}", d.message, d.help) },
            locations: vec![SarifLocation {
                id: None,
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation { uri: &d.path },
                    region: Region {
                        start_line: d.start.line,
                        start_column: d.start.column,
                        end_line: d.end.line,
                        end_column: d.end.column,
                    },
                },
                message: None,
            }],
            related_locations: d
                .related
                .iter()
                .enumerate()
                .map(|(id, r)| SarifLocation {
                    id: Some(id),
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation { uri: &d.path },
                        region: Region {
                            start_line: r.start.line,
                            start_column: r.start.column,
                            end_line: r.end.line,
                            end_column: r.end.column,
                        },
                    },
                    message: Some(Text { text: r.label.clone() }),
                })
                .collect(),
            suppressions: if d.expected {
                vec![Suppression {
                    kind: "inSource",
                    justification: "the block demonstrates this mistake on purpose (expect=)",
                }]
            } else {
                vec![]
            },
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "mdbook-configcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: env!("CARGO_PKG_REPOSITORY"),
                    rules,
                },
            },
            results,
            column_kind: "unicodeCodePoints",
        }],
    };
    serde_json::to_string_pretty(&log).unwrap_or_default() + "\n"
}
