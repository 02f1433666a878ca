//! The bridge to mdBook: chapters in, annotated chapters out, and the `Preprocessor` used when
//! mdBook runs in-process (`mdbook-configcheck build`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Result, bail};
use mdbook_preprocessor::book::{Book, BookItem, Chapter};
use mdbook_preprocessor::config::Config;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

use crate::check::{Checked, check_chapters};
use crate::config::Settings;
use crate::diagnostic::run_fails;
use crate::extract::ChapterInput;
use crate::report::page::{self, PageIndex, PageStyle, annotate_chapter};
use crate::report::{directives, reference};

/// The preprocessor's name, as in `[preprocessor.configcheck]`.
pub const NAME: &str = "configcheck";

/// A book checked (and, for a renderer, annotated).
#[derive(Debug)]
pub struct Outcome {
    /// The findings.
    pub checked: Checked,
    /// The book's settings.
    pub settings: Settings,
}

impl Outcome {
    /// Whether the book's own policy fails the build: strict mode and an unexpected error (or
    /// warning with `deny-warnings`).
    pub fn fails_build(&self) -> bool {
        self.settings.strict && run_fails(&self.checked.diagnostics, self.settings.deny_warnings)
    }

    /// The one-line reason a build failed.
    pub fn failure_message(&self) -> String {
        let s = self.checked.summary();
        format!(
            "mdbook-configcheck: strict mode fails the build: {} error(s){}",
            s.errors,
            if self.settings.deny_warnings {
                format!(" and {} warning(s) (deny-warnings)", s.warnings)
            } else {
                String::new()
            }
        )
    }
}

/// The chapters of a book in reading order, as the extractor needs them (their text copied: the
/// book stays as it is).
pub fn chapters(book: &Book, book_root: &Path, config: &Config) -> Vec<ChapterInput> {
    let src = &config.book.src;
    let found: Vec<(usize, &Chapter, &PathBuf)> = book
        .iter()
        .filter_map(|item| match item {
            BookItem::Chapter(chapter) => Some(chapter),
            _ => None,
        })
        .filter_map(|chapter| Some((chapter, source_of(chapter)?)))
        .enumerate()
        .map(|(index, (chapter, source))| (index, chapter, source))
        .collect();
    // Copying every chapter's text is the bulk of this: on all cores.
    crate::parallel::map_chunks(&found, 64, |part| {
        part.iter()
            .map(|&(index, chapter, source)| {
                chapter_input(index, chapter, source, chapter.content.clone(), book_root, src)
            })
            .collect()
    })
}

/// The chapters of a book in reading order, their text moved out of the book (put it back with
/// [`put_back`]).
fn take_chapters(book: &mut Book, book_root: &Path, config: &Config) -> Vec<ChapterInput> {
    let src = &config.book.src;
    let mut inputs = Vec::new();
    for_each_source_chapter(&mut book.items, &mut |chapter, source| {
        let content = std::mem::take(&mut chapter.content);
        inputs.push(chapter_input(inputs.len(), chapter, &source, content, book_root, src));
    });
    inputs
}

/// Give each chapter its text back: the edited one where it has one, else its own.
fn put_back(book: &mut Book, inputs: Vec<ChapterInput>, edited: Vec<Option<String>>) {
    let mut texts = inputs.into_iter().zip(edited).map(|(input, edited)| {
        // The report keeps the text of a chapter that may hold checked blocks, and a chapter
        // that holds one is edited (its info strings lose our attributes): the copy is for the
        // rare chapter that looked like it might and did not.
        edited.unwrap_or_else(|| Arc::try_unwrap(input.content).unwrap_or_else(|shared| shared.as_str().to_owned()))
    });
    for_each_source_chapter(&mut book.items, &mut |chapter, _| {
        if let Some(text) = texts.next() {
            chapter.content = text;
        }
    });
}

/// The chapters that have a source file, depth first in reading order (the order of
/// [`Book::iter`], which [`chapters`] follows too).
fn for_each_source_chapter(items: &mut [BookItem], visit: &mut impl FnMut(&mut Chapter, PathBuf)) {
    for item in items {
        if let BookItem::Chapter(chapter) = item {
            if let Some(source) = source_of(chapter).cloned() {
                visit(chapter, source);
            }
            for_each_source_chapter(&mut chapter.sub_items, visit);
        }
    }
}

fn source_of(chapter: &Chapter) -> Option<&PathBuf> {
    chapter.source_path.as_ref().or(chapter.path.as_ref())
}

fn chapter_input(
    index: usize,
    chapter: &Chapter,
    source: &Path,
    content: String,
    book_root: &Path,
    src: &Path,
) -> ChapterInput {
    ChapterInput {
        index,
        path: report_path(&src.join(source)),
        dir: book_root.join(src).join(source.parent().unwrap_or(Path::new(""))),
        content: Arc::new(content),
        page: chapter.path.as_deref().map(report_path),
    }
}

/// The line a chapter writes where the rule reference goes.
pub const RULES_DIRECTIVE: &str = "{{#configcheck-rules}}";

/// The line a chapter writes where the verification record's list of components goes.
pub const VERIFICATION_DIRECTIVE: &str = "{{#configcheck-verification}}";

/// Whether a chapter writes [`RULES_DIRECTIVE`] as text, not as code (a vectorised search first:
/// it runs over every chapter).
fn holds_rules_directive(text: &str) -> bool {
    !directives::sites(text, RULES_DIRECTIVE).is_empty()
}

/// `../reference.html` from `a/b.md` to `reference.md`.
fn relative_href(from_page: &str, to_page: &str) -> String {
    let depth = from_page.matches('/').count();
    let target = to_page.strip_suffix(".md").map_or(to_page.to_string(), |stem| format!("{stem}.html"));
    format!("{}{target}", "../".repeat(depth))
}

fn report_path(path: &Path) -> String {
    path.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Check a book as mdBook hands it over.
pub fn check_book(book: &Book, book_root: &Path, config: &Config) -> Result<Outcome> {
    check_inputs(&chapters(book, book_root, config), book_root, config)
}

fn check_inputs(inputs: &[ChapterInput], book_root: &Path, config: &Config) -> Result<Outcome> {
    let settings = Settings::from_book_config(config)?;
    let checked = check_chapters(inputs, book_root, &settings)?;
    Ok(Outcome { checked, settings })
}

/// Check a book and write the findings into its chapters for a renderer.
pub fn annotate_book(mut book: Book, book_root: &Path, config: &Config, renderer: &str) -> Result<(Book, Outcome)> {
    // The chapters' texts are moved out of the book and back, edited or not: never copied.
    let inputs = take_chapters(&mut book, book_root, config);
    let outcome = check_inputs(&inputs, book_root, config)?;
    let style = PageStyle::for_renderer(renderer);
    let index = PageIndex::new(&outcome.checked);
    // The chapter that holds the rule reference: findings link to their entry there.
    let holds_directive: Vec<bool> = crate::parallel::map_chunks(&inputs, 64, |part| {
        part.iter().map(|chapter| holds_rules_directive(&chapter.content)).collect()
    });
    let reference_page =
        inputs.iter().zip(&holds_directive).find(|(_, holds)| **holds).and_then(|(c, _)| c.page.clone());
    // Chapters are annotated independently: on all cores.
    let edited = crate::parallel::map_chunks(&inputs, 16, |part| {
        part.iter()
            .map(|input| {
                let holds_directive = holds_directive[input.index];
                let href = match (&reference_page, &input.page) {
                    (Some(reference), Some(page)) if style == PageStyle::Html => Some(relative_href(page, reference)),
                    _ => None,
                };
                let annotated =
                    annotate_chapter(&input.content, input.index, &outcome.checked, &index, style, href.as_deref());
                let text = annotated.as_deref().unwrap_or(&input.content);
                // Written as text they are replaced; shown as code they stay.
                let mut expanded = holds_directive
                    .then(|| directives::expand(text, RULES_DIRECTIVE, reference::body_for_mdbook))
                    .flatten();
                let current = expanded.as_deref().unwrap_or(text);
                let record = outcome.checked.verified.as_ref().map(|(record, _)| record);
                if let Some(done) =
                    directives::expand(current, VERIFICATION_DIRECTIVE, || page::verification_components(record, style))
                {
                    expanded = Some(done);
                }
                let text = expanded.or(annotated);
                // Last: nothing mdBook's `links` would hang on goes on to it.
                let current = text.as_deref().unwrap_or(&input.content);
                crate::extract::escape_hazardous_includes(current, &input.dir).or(text)
            })
            .collect()
    });
    drop(index);
    put_back(&mut book, inputs, edited);
    Ok((book, outcome))
}

/// The preprocessor for in-process mdBook builds. Outcomes are kept for the caller to print
/// (library code never prints).
#[derive(Debug, Default, Clone)]
pub struct ConfigCheck {
    outcomes: Arc<Mutex<Vec<Outcome>>>,
}

impl ConfigCheck {
    /// The outcomes of every run so far (one per renderer).
    pub fn take_outcomes(&self) -> Vec<Outcome> {
        self.outcomes.lock().map(|mut o| std::mem::take(&mut *o)).unwrap_or_default()
    }
}

impl Preprocessor for ConfigCheck {
    fn name(&self) -> &str {
        NAME
    }

    fn run(&self, ctx: &PreprocessorContext, book: Book) -> Result<Book> {
        let (book, outcome) = annotate_book(book, &ctx.root, &ctx.config, &ctx.renderer)?;
        let fails = outcome.fails_build();
        let message = outcome.failure_message();
        if let Ok(mut outcomes) = self.outcomes.lock() {
            outcomes.push(outcome);
        }
        if fails {
            bail!(message);
        }
        Ok(book)
    }

    fn supports_renderer(&self, _renderer: &str) -> Result<bool> {
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use mdbook_preprocessor::book::{Book, BookItem, Chapter};
    use mdbook_preprocessor::config::Config;

    use super::{annotate_book, relative_href};

    fn chapter(name: &str, path: &str, content: &str, sub_items: Vec<BookItem>) -> BookItem {
        let mut chapter = Chapter::new(name, content.to_string(), path, Vec::new());
        chapter.sub_items = sub_items;
        BookItem::Chapter(chapter)
    }

    /// Every chapter's text goes back to its own chapter, nested or not: the untouched ones as
    /// they were, the checked one with its box, and the book's shape unchanged.
    #[test]
    fn chapter_texts_go_back_to_their_own_chapters() {
        let checked = "# Setup\n\n```python,check=netbox\nSOCIAL_AUTH_LOGIN_REDIRECT_URL = True\n```\n";
        let mut draft = Chapter::new_draft("Later", Vec::new());
        draft.sub_items = vec![chapter("Under a draft", "later/under.md", "# Under a draft\n", Vec::new())];
        let book = Book::new_with_items(vec![
            BookItem::PartTitle("Guide".into()),
            chapter("Intro", "intro.md", "# Intro\n", Vec::new()),
            chapter(
                "Parent",
                "parent.md",
                "# Parent\n",
                vec![
                    chapter("Child", "parent/child.md", checked, Vec::new()),
                    chapter("Other child", "parent/other.md", "# Other child\n", Vec::new()),
                ],
            ),
            BookItem::Separator,
            BookItem::Chapter(draft),
            chapter("Last", "last.md", "# Last\n", Vec::new()),
        ]);
        let config: Config = "[book]\nsrc = \"src\"\n".parse().unwrap();
        let (annotated, outcome) = annotate_book(book.clone(), std::path::Path::new("."), &config, "html").unwrap();
        assert_eq!(outcome.checked.blocks.len(), 1);
        let before: Vec<&Chapter> =
            book.iter().filter_map(|i| if let BookItem::Chapter(c) = i { Some(c) } else { None }).collect();
        let after: Vec<&Chapter> =
            annotated.iter().filter_map(|i| if let BookItem::Chapter(c) = i { Some(c) } else { None }).collect();
        assert_eq!(before.len(), after.len());
        for (before, after) in before.iter().zip(&after) {
            assert_eq!(
                (&before.name, &before.path, before.sub_items.len()),
                (&after.name, &after.path, after.sub_items.len())
            );
            if before.name == "Child" {
                assert!(after.content.contains("netbox/login-redirect-url-type"), "{}", after.content);
                assert!(after.content.contains("SOCIAL_AUTH_LOGIN_REDIRECT_URL = True"));
            } else {
                assert_eq!(before.content, after.content, "{}", before.name);
            }
        }
        assert_eq!(annotated.items.len(), book.items.len());
    }

    #[test]
    fn links_to_the_reference_are_relative_to_the_page() {
        assert_eq!(relative_href("troubleshooting.md", "reference.md"), "reference.html");
        assert_eq!(relative_href("guide/nginx.md", "reference/rules.md"), "../reference/rules.html");
    }
}
