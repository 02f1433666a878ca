//! Stage 2: parse each block on its own, with positions in the block's text.
//!
//! One broken block never hides another's findings: every block gets its own parse, and a
//! syntax error becomes `configcheck/syntax-error` at the parser's exact position.

pub mod authentik;
pub mod authority;
pub mod base64;
pub mod chart;
pub mod compose;
pub mod env;
pub mod limits;
pub mod module_names;
pub mod netbox;
pub mod nginx;
pub mod nginx_lexer;

use std::collections::HashMap;

use crate::extract::{Block, Kind};
use crate::finding::{BlockId, Finding};
use crate::own_rules;

/// A parsed block.
#[derive(Debug, Clone)]
pub enum Parsed {
    /// A `check=netbox` block, or a `check=env` or `check=compose` block (its variables as text
    /// settings).
    Netbox(Box<netbox::PythonFile>),
    /// A `check=nginx` block.
    Nginx(nginx::NginxFile),
    /// A `check=authentik` block.
    Authentik(authentik::Blueprint),
}

impl Parsed {
    /// What kept the parser from reading the block whole: its syntax errors, and the limit it
    /// reached.
    fn problems(&self) -> (&[netbox::SyntaxError], Option<&limits::TooComplex>) {
        match self {
            Parsed::Netbox(file) => (&file.syntax_errors, file.too_complex.as_deref()),
            Parsed::Nginx(file) => (&file.syntax_errors, file.too_complex.as_ref()),
            Parsed::Authentik(file) => (&file.syntax_errors, file.too_complex.as_ref()),
        }
    }
}

/// Parse each block on its own; syntax errors become findings. (The caller splits the book's
/// blocks across the cores.) The env files' notes are left out: what the model needs, for its
/// tests.
pub fn parse_blocks(blocks: &[Block], findings: &mut Vec<Finding>) -> Vec<Parsed> {
    let projects = ProjectEnvs::read(blocks);
    blocks.iter().map(|block| parse_block(block, &projects, findings, &mut env::Notes::default())).collect()
}

/// The projects' `.env` files (`lint`), each read once however many blocks refer to it: a
/// compose project may name thousands of env files that take values from one large `.env`.
#[derive(Debug, Default)]
pub struct ProjectEnvs(HashMap<BlockId, compose::ProjectEnv>);

impl ProjectEnvs {
    /// Read each `.env` the blocks refer to ([`Block::project_env`]), by its block.
    pub fn read(blocks: &[Block]) -> ProjectEnvs {
        let mut read = HashMap::new();
        for (id, text) in blocks.iter().filter_map(|block| block.project_env.as_ref()) {
            read.entry(*id).or_insert_with(|| compose::ProjectEnv::read(text, *id));
        }
        ProjectEnvs(read)
    }

    /// The `.env` a block refers to, as read.
    fn of(&self, block: &Block) -> Option<&compose::ProjectEnv> {
        block.project_env.as_ref().and_then(|(id, _)| self.0.get(id))
    }
}

/// Parse one block; a syntax error becomes a finding. What an env file's parser notes for the
/// rules that need the file as written, which the model no longer has (a quoted value that runs
/// over lines, a last line without a name), goes to `env_notes`.
pub fn parse_block(
    block: &Block,
    projects: &ProjectEnvs,
    findings: &mut Vec<Finding>,
    env_notes: &mut env::Notes,
) -> Parsed {
    let (parsed, language) = match block.kind {
        Kind::Netbox => (Parsed::Netbox(Box::new(netbox::parse(&block.text, block.id))), "Python"),
        Kind::Nginx => (Parsed::Nginx(nginx::parse(&block.text)), "nginx configuration"),
        Kind::Env => {
            // What only the file as written shows: noted for its rules.
            let (mut file, notes) = if block.raw_env_file {
                (env::parse_raw(&block.text, block.id), env::Notes::default())
            } else {
                env::read(&block.text, block.id)
            };
            // The project's `.env` alone: its variables are Compose's, not NetBox's (its syntax
            // errors still stop Compose).
            if block.project_env_only {
                file.settings.clear();
            } else {
                // An `env_file:`'s `${NAME}` that the project's `.env` fills (`lint`).
                if let Some(project) = projects.of(block).filter(|_| !notes.templates.is_empty()) {
                    compose::resolve_templates(&mut file, &notes.templates, Some(project));
                }
                env_notes.extend(notes);
            }
            (Parsed::Netbox(Box::new(file)), "Docker Compose env-file syntax")
        }
        Kind::Compose => {
            let mut file = compose::parse_in_project(
                (&block.text, &block.file),
                block.id,
                projects.of(block),
                &block.service_env_files,
            );
            if block.environment_replaced {
                file.settings.clear();
                if let Some(linuxserver) = &mut file.compose.linuxserver {
                    linuxserver.variables.clear();
                }
            }
            if block.ports_replaced {
                file.published = Box::default();
                file.compose.ports.clear();
            }
            if let Some(stock) = &mut file.stock_configuration {
                stock.project_complete = block.project_complete;
                stock.compose_files_beside = block.compose_files_beside;
                stock.configuration_read_whole = block.configuration_read_whole;
            }
            (Parsed::Netbox(Box::new(file)), "YAML")
        }
        Kind::Authentik => (Parsed::Authentik(authentik::parse(&block.text)), "YAML"),
        Kind::Chart => (Parsed::Netbox(Box::new(chart::parse(&block.text, block.id))), "YAML"),
    };
    let (errors, too_complex) = parsed.problems();
    if let Some(limit) = too_complex {
        findings.push(Finding::in_block(&own_rules::TOO_COMPLEX, block.id, limit.range.clone(), limit.message.clone()));
    }
    // An env file's refused lines are independent of each other (its reader goes on at the next
    // line): each is reported.
    if block.kind == Kind::Env {
        for error in errors {
            let message = format!("{}: {}", block.file, error.message);
            findings.push(Finding::in_block(&own_rules::SYNTAX_ERROR, block.id, error.range.clone(), message));
        }
        return parsed;
    }
    // Parsers recover and report follow-on errors; the first one is the cause.
    if let Some(error) = errors.first() {
        let more = match errors.len() - 1 {
            0 => String::new(),
            n => format!(" ({n} more error{} follow from it)", if n == 1 { "" } else { "s" }),
        };
        // A compose file's reader says what Docker Compose does with it, naming the file.
        let message = match block.kind {
            Kind::Compose if error.message.starts_with("Docker Compose") => {
                format!("{}: {}", block.file, error.message)
            }
            _ => format!("this block is not valid {language}: {}{more}", error.message),
        };
        findings.push(Finding::in_block(&own_rules::SYNTAX_ERROR, block.id, error.range.clone(), message));
    }
    parsed
}
