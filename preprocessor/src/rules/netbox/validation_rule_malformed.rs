//! `netbox/validation-rule-malformed`: a rule set of `CUSTOM_VALIDATORS` or `PROTECTION_RULES`
//! that NetBox cannot apply.
//!
//! ## What it does
//! Reads `CUSTOM_VALIDATORS` and `PROTECTION_RULES` where configuration.py writes them as a
//! literal mapping of models (`'dcim.site': […]`) and reports:
//! - a model whose validators are a mapping, not a list: NetBox iterates its keys, the attribute
//!   names, and takes each for the dotted path of a validator class;
//! - in a rule set (a mapping of attributes), an attribute whose rules are not a mapping of
//!   descriptors (`'status': [{'eq': …}]`, a list);
//! - a descriptor NetBox does not know (`'equals'`, or `eq`/`neq` before NetBox 3.7).
//!
//! ## Why is this bad?
//! NetBox applies `CUSTOM_VALIDATORS` each time an object of the model is saved, and
//! `PROTECTION_RULES` each time one is deleted. A malformed rule set raises (`AttributeError`,
//! `NotImplementedError`, `ValueError`) instead of validating: every save, or every deletion, of
//! that model ends in a server error.
//!
//! ## Example
//! `PROTECTION_RULES = {'dcim.site': [{'status': [{'eq': 'decommissioning'}]}]}`.
//!
//! Use instead: `PROTECTION_RULES = {'dcim.site': [{'status': {'eq': 'decommissioning'}}]}`.

use crate::finding::{Finding, Rule, Severity};
use crate::parse::netbox::{Setting, Value, ValueKind};
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// A validation rule set NetBox cannot apply.
pub const VALIDATION_RULE_MALFORMED: Rule = Rule {
    id: "netbox/validation-rule-malformed",
    severity: Severity::Error,
    summary: "a rule set of `CUSTOM_VALIDATORS` or `PROTECTION_RULES` that NetBox cannot apply (a model's validators given as a mapping, an attribute's rules not a mapping of descriptors, a descriptor NetBox does not know): every save, or deletion, of that model ends in a server error",
    help: "write each model's validators as a list of rule sets, each rule set as `{attribute: {descriptor: value}}` with NetBox's descriptors (`min`, `max`, `min_length`, `max_length`, `regex`, `required`, `prohibited`, and from NetBox 3.7 `eq` and `neq`)",
    fact: "NetBox 4.6.8 netbox/extras/utils.py L153-172 `run_validators`: `for validator in validators:` a str is imported as `module, cls = validator.rsplit('.', 1)`, a dict becomes `CustomValidator(validator)`; netbox/extras/validators.py L106-121 `for attr_path, rules in self.validation_rules.items(): … for descriptor, value in rules.items()` and L155-164 `get_validator` raises NotImplementedError for a descriptor not in VALIDATORS (L78-88: eq, neq, min, max, min_length, max_length, regex, required, prohibited; 3.0.12, 3.4.10, 3.5.0 and 3.6.0 have no eq or neq, 3.7.0 and 3.7.8 have them); extras/signals.py L76-83 runs CUSTOM_VALIDATORS on post_clean, core/signals.py L164-176 PROTECTION_RULES on pre_delete, catching ValidationError only; rule sets as mappings came in 3.1.0 (extras/signals.py L168-184; 3.0.0 L159-163 calls each validator as it is), PROTECTION_RULES in 3.7.0 (no file of v3.6.0 names it); seen in tests/realworld/tuning/t220-… (an Ansible role's YAML that made a protection rule's attribute a list)",
    applies: Applies::Always,
};

const DESCRIPTORS: &[&str] = &["min", "max", "min_length", "max_length", "regex", "required", "prohibited"];
/// From NetBox 3.7.0 (validators.py at 3.7.8).
const DESCRIPTORS_3_7: &[&str] = &["eq", "neq"];

pub fn validation_rule_malformed(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let with_equality = targets.netbox >= Version::new(3, 7, 0);
    // Rule sets written as mappings came with NetBox 3.1.0 (3.0's signal calls each validator
    // as it is), PROTECTION_RULES with 3.7.0: before them, not judged here (`setting-too-new`
    // says a release does not read the setting).
    for (name, since) in [("CUSTOM_VALIDATORS", Version::new(3, 1, 0)), ("PROTECTION_RULES", Version::new(3, 7, 0))] {
        if targets.netbox < since {
            continue;
        }
        let Some(setting) = d.netbox.get(name) else { continue };
        let ValueKind::Dict(models) = &setting.value.kind else { continue };
        let when = if name == "PROTECTION_RULES" { "deletion" } else { "save" };
        for (model, validators) in models {
            let Some(model) = model.as_str() else { continue };
            let model = model.escape_debug();
            let rule_sets = match &validators.kind {
                ValueKind::List(items) | ValueKind::Tuple(items) => items,
                ValueKind::Dict(_) => {
                    push(out, setting, validators, format!(
                        "`{name}` gives `{model}` a mapping, not a list of validators: NetBox iterates it and takes each key, an attribute name, for the dotted path of a validator class, so every {when} of a `{model}` ends in a server error"
                    ));
                    continue;
                }
                _ => continue,
            };
            for rule_set in rule_sets {
                let ValueKind::Dict(attributes) = &rule_set.kind else { continue };
                for (attribute, rules) in attributes {
                    let Some(attribute) = attribute.as_str() else { continue };
                    let attribute = attribute.escape_debug();
                    match &rules.kind {
                        ValueKind::Dict(descriptors) => {
                            for (descriptor, _) in descriptors {
                                let Some(text) = descriptor.as_str() else { continue };
                                if DESCRIPTORS.contains(&text) || (with_equality && DESCRIPTORS_3_7.contains(&text)) {
                                    continue;
                                }
                                let known = if DESCRIPTORS_3_7.contains(&text) {
                                    format!("NetBox {} does not know `{text}` (it came with NetBox 3.7)", targets.netbox)
                                } else {
                                    format!("NetBox knows no descriptor `{}`", text.escape_debug())
                                };
                                push(out, setting, descriptor, format!(
                                    "{known}: its validator raises NotImplementedError for `{attribute}` of `{model}`, so every {when} of a `{model}` ends in a server error"
                                ));
                            }
                        }
                        ValueKind::List(_) | ValueKind::Tuple(_) | ValueKind::Str(_) | ValueKind::Int(_) | ValueKind::Bool(_) => {
                            push(out, setting, rules, format!(
                                "the rules for `{attribute}` of `{model}` are not a mapping of descriptors (`{{'eq': …}}`): NetBox calls `.items()` on them, which raises AttributeError, so every {when} of a `{model}` ends in a server error"
                            ));
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

fn push(out: &mut Vec<Finding>, setting: &Setting, at: &Value, message: String) {
    out.push(Finding::in_block(&VALIDATION_RULE_MALFORMED, setting.block, at.range.clone(), message));
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, finding_of};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        // An Ansible role's YAML made the attribute's rules a list (corpus case t220).
        (
            "netbox/validation-rule-malformed",
            "3.7",
            "PROTECTION_RULES = {\n    'dcim.site': [\n        {\n            'status': [\n                {'eq': 'decommissioning'},\n            ],\n        },\n    ],\n}\n",
            4,
            "PROTECTION_RULES = {\n    'dcim.site': [\n        {\n            'status': {'eq': 'decommissioning'},\n        },\n    ],\n}\n",
        ),
        // A descriptor NetBox does not know; `eq` before NetBox 3.7.
        (
            "netbox/validation-rule-malformed",
            "4.6",
            "CUSTOM_VALIDATORS = {'dcim.site': [{'name': {'min_len': 5}}]}\n",
            1,
            "CUSTOM_VALIDATORS = {'dcim.site': [{'name': {'min_length': 5}}, 'my_validators.SiteValidator']}\n",
        ),
        (
            "netbox/validation-rule-malformed",
            "3.4",
            "CUSTOM_VALIDATORS = {'dcim.site': [{'status': {'eq': 'active'}}]}\n",
            1,
            "CUSTOM_VALIDATORS = {'dcim.site': [{'status': {'required': True}}]}\n",
        ),
        // Releases that do not read the setting, or not as rule sets: not judged here.
        ("netbox/validation-rule-malformed", "3.6", "", 0, "PROTECTION_RULES = {'dcim.site': [{'status': {'eq': 'decommissioning'}}]}\n"),
        ("netbox/validation-rule-malformed", "3.0", "", 0, "CUSTOM_VALIDATORS = {'dcim.site': [{'name': {'min_len': 5}}]}\n"),
        // The model's validators a mapping instead of a list.
        (
            "netbox/validation-rule-malformed",
            "4.6",
            "CUSTOM_VALIDATORS = {'dcim.site': {'name': {'min_length': 5}}}\n",
            1,
            "CUSTOM_VALIDATORS = {'dcim.site': ({'name': {'min_length': 5}},)}\n",
        ),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::VALIDATION_RULE_MALFORMED, CASES);
    }

    #[test]
    fn the_message_says_what_fails() {
        let (message, _) = finding_of("netbox/validation-rule-malformed", "PROTECTION_RULES = {'dcim.site': [{'status': [{'eq': 'x'}]}]}\n", "4.6");
        assert!(message.contains("`status` of `dcim.site`") && message.contains("every deletion of a `dcim.site`"), "{message}");
        let (message, _) = finding_of("netbox/validation-rule-malformed", "CUSTOM_VALIDATORS = {'dcim.site': [{'status': {'eq': 'active'}}]}\n", "3.4");
        assert!(message.contains("NetBox 3.4") && message.contains("came with NetBox 3.7") && message.contains("every save"), "{message}");
    }
}
