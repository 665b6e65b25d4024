#include "forms/FormProblem.h"

#include "core/JsonFields.h"

namespace casedesk::forms {

namespace {

const json::EnumKey<FormProblem::Code> codeKeys[] = {
    {FormProblem::Code::Required, "required"},
    {FormProblem::Code::WrongType, "wrongType"},
    {FormProblem::Code::UnknownField, "unknownField"},
    {FormProblem::Code::InvalidFormat, "invalidFormat"},
    {FormProblem::Code::InvalidChecksum, "invalidChecksum"},
    {FormProblem::Code::TooShort, "tooShort"},
    {FormProblem::Code::TooLong, "tooLong"},
    {FormProblem::Code::TooSmall, "tooSmall"},
    {FormProblem::Code::TooLarge, "tooLarge"},
    {FormProblem::Code::TooEarly, "tooEarly"},
    {FormProblem::Code::TooLate, "tooLate"},
    {FormProblem::Code::TooPrecise, "tooPrecise"},
    {FormProblem::Code::TooFew, "tooFew"},
    {FormProblem::Code::TooMany, "tooMany"},
    {FormProblem::Code::PatternMismatch, "patternMismatch"},
    {FormProblem::Code::NotInCodeList, "notInCodeList"},
    {FormProblem::Code::Duplicate, "duplicate"},
    {FormProblem::Code::RuleFailed, "ruleFailed"},
    {FormProblem::Code::RuleError, "ruleError"},
    {FormProblem::Code::DataTooLarge, "dataTooLarge"},
    {FormProblem::Code::TooManyProblems, "tooManyProblems"},
};

} // namespace

QString FormProblem::codeToString(Code code)
{
    return json::enumToString(codeKeys, code);
}

} // namespace casedesk::forms
