//! Near-identical copies, folded: a block wrong on purpose that replaces a whole file (an nginx
//! site, a blueprint) shows the lines where it differs from the main file, and folds the lines it
//! shares with it into mdBook's hidden lines (`hidelines=`), which mdBook's eye button reveals.
//! Nothing leaves the page, and the block is checked whole.

/// Blocks or main files longer than this are not folded: the comparison is quadratic in lines.
pub const MAX_LINES: usize = 400;
/// Unchanged lines shown around each difference.
const CONTEXT: usize = 2;
/// A run of unchanged lines shorter than this stays visible (folding it would hide no more than
/// the toggle costs).
const MIN_FOLD: usize = 3;
/// Prefixes that mark a hidden line, tried in turn: the first that starts no line of the block.
/// No backtick or tilde, so that a marked line can never close the fence.
const PREFIXES: [&str; 4] = ["@@", "%%", "^^", "!!"];

/// The lines of `block` to hide, and the prefix that marks them: the lines it shares with `main`,
/// in order (a longest common subsequence), apart from the lines in `keep` (lines findings point
/// at) and `CONTEXT` lines around every kept or differing line. `None` when there is nothing to
/// fold: no difference at all, nothing long enough to fold, or inputs too long.
pub fn folded_lines(block: &[&str], main: &[&str], keep: &[usize]) -> Option<(Vec<bool>, &'static str)> {
    let (n, m) = (block.len(), main.len());
    if n == 0 || m == 0 || n > MAX_LINES || m > MAX_LINES {
        return None;
    }
    let prefix = PREFIXES.into_iter().find(|p| block.iter().all(|line| !line.trim_start().starts_with(p)))?;
    let changes = changed_lines(block, main);
    if changes.iter().all(|c| !c) {
        return None;
    }
    let mut visible = vec![false; n];
    for (line, changed) in changes.iter().enumerate() {
        if *changed || keep.contains(&line) {
            let around = line.saturating_sub(CONTEXT)..(line + CONTEXT + 1).min(n);
            visible.get_mut(around).into_iter().flatten().for_each(|v| *v = true);
        }
    }
    let mut hidden = vec![false; n];
    let mut start = 0;
    while start < n {
        if visible.get(start).copied().unwrap_or(true) {
            start += 1;
            continue;
        }
        let end = (start..n).find(|&k| visible.get(k).copied().unwrap_or(true)).unwrap_or(n);
        if end - start >= MIN_FOLD {
            hidden.get_mut(start..end).into_iter().flatten().for_each(|h| *h = true);
        }
        start = end;
    }
    hidden.iter().any(|h| *h).then_some((hidden, prefix))
}

/// For each line of `block`, whether it is a change against `main`: a line outside a longest
/// common subsequence of the two (lines compared without trailing white space), or a line next to
/// where `main` has lines the block dropped.
fn changed_lines(block: &[&str], main: &[&str]) -> Vec<bool> {
    let (n, m) = (block.len(), main.len());
    let width = m + 1;
    let equal = |i: usize, j: usize| block.get(i).map(|l| l.trim_end()) == main.get(j).map(|l| l.trim_end());
    // lcs[i * width + j]: the length of a longest common subsequence of block[i..] and main[j..].
    let mut lcs = vec![0u16; (n + 1) * width];
    let at = |lcs: &[u16], i: usize, j: usize| lcs.get(i * width + j).copied().unwrap_or(0);
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let value =
                if equal(i, j) { at(&lcs, i + 1, j + 1) + 1 } else { at(&lcs, i + 1, j).max(at(&lcs, i, j + 1)) };
            if let Some(cell) = lcs.get_mut(i * width + j) {
                *cell = value;
            }
        }
    }
    let mut changed = vec![true; n];
    let mut gaps = vec![false; n];
    let mark_gap = |gaps: &mut Vec<bool>, i: usize| {
        // Lines of main dropped before block line i: the lines on either side show where.
        for line in [i.checked_sub(1), Some(i)].into_iter().flatten() {
            if let Some(g) = gaps.get_mut(line) {
                *g = true;
            }
        }
    };
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if equal(i, j) {
            if let Some(c) = changed.get_mut(i) {
                *c = false;
            }
            i += 1;
            j += 1;
        } else if at(&lcs, i + 1, j) >= at(&lcs, i, j + 1) {
            i += 1;
        } else {
            j += 1;
            mark_gap(&mut gaps, i);
        }
    }
    if j < m {
        mark_gap(&mut gaps, n);
    }
    changed.iter().zip(&gaps).map(|(c, g)| *c || *g).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        text.lines().collect()
    }

    const MAIN: &str = "server {\n    listen 443 ssl;\n    server_name a;\n\n    location / {\n        proxy_pass http://b;\n        proxy_set_header X-Forwarded-Proto $scheme;\n        proxy_set_header X-Forwarded-Host $http_host;\n    }\n}\n\nserver {\n    listen 80;\n    return 301 https://$host$request_uri;\n}";

    #[test]
    fn one_missing_line_shows_with_its_context_and_the_rest_folds() {
        let block = MAIN.replace("        proxy_set_header X-Forwarded-Proto $scheme;\n", "");
        let block = lines(&block);
        let (hidden, prefix) = folded_lines(&block, &lines(MAIN), &[]).expect("folded");
        assert_eq!(prefix, "@@");
        // The block dropped the line between `proxy_pass` (5) and `X-Forwarded-Host` (6): both
        // show, with two lines of context; the rest folds.
        let shown: Vec<usize> = (0..block.len()).filter(|i| !hidden[*i]).collect();
        assert_eq!(shown, vec![3, 4, 5, 6, 7, 8]);
        // A line a finding points at shows too (line 0, `server {`, and its context).
        let (hidden, _) = folded_lines(&block, &lines(MAIN), &[0]).expect("folded");
        let shown: Vec<usize> = (0..block.len()).filter(|i| !hidden[*i]).collect();
        assert_eq!(shown, vec![0, 1, 2, 3, 4, 5, 6, 7, 8]);
    }

    #[test]
    fn a_changed_line_is_shown_and_far_lines_are_folded() {
        let block = MAIN.replace("return 301", "return 302");
        let block = lines(&block);
        let (hidden, _) = folded_lines(&block, &lines(MAIN), &[]).expect("folded");
        let shown: Vec<usize> = (0..block.len()).filter(|i| !hidden[*i]).collect();
        assert_eq!(shown, vec![11, 12, 13, 14]);
    }

    #[test]
    fn identical_short_or_prefixed_blocks_are_not_folded() {
        assert!(folded_lines(&lines(MAIN), &lines(MAIN), &[]).is_none(), "nothing differs");
        assert!(folded_lines(&["a", "b"], &["a", "c"], &[]).is_none(), "too short to fold");
        let block = MAIN.replace("return 301", "return 302").replace("server {", "@@ %% ^^ !!");
        let with_all = format!("@@\n%%\n^^\n!!\n{block}");
        assert!(folded_lines(&lines(&with_all), &lines(MAIN), &[]).is_none(), "no free prefix");
        let block = MAIN.replace("return 301", "return 302").replacen("server {", "@@server {", 1);
        assert_eq!(folded_lines(&lines(&block), &lines(MAIN), &[]).map(|(_, p)| p), Some("%%"));
        let long = "x\n".repeat(MAX_LINES + 1);
        assert!(folded_lines(&lines(&long), &lines(MAIN), &[]).is_none(), "bounded");
    }
}
