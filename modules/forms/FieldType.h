// The kinds of form fields and how they are written in definition files.
#pragma once

#include <QString>

namespace casedesk::forms {

// Values in form data (JSON) per type:
//   Text, Multiline, Email, Phone       string (trimmed)
//   Integer                             number without fraction (|n| <= 2^53); a string of digits is accepted
//   Decimal                             string with exact digits ("12.5"; "," accepted); a number is accepted
//   Money                               integer number of cents (DESIGN.md, decision 13)
//   Date                                ISO date string "2026-03-02"
//   Boolean                             true/false; a required boolean must be true (a confirmation box)
//   Choice, District                    string code from the field's code list (District: Stuttgart's 23
//                                       Stadtbezirke, CodeList::stuttgartDistricts())
//   MultiChoice                         array of distinct codes
//   Postcode                            string of five digits (German Postleitzahl)
//   Iban                                string, upper case without spaces (grouped only for display)
//   KfzKennzeichen                      vehicle registration number, canonical "S-AB 1234" (suffix E or H
//                                       directly after the digits: "S-AB 1234E")
//   DocumentRef                         id (UUID without braces) of a document attached to the case
//   Group                               object; a repeatable group is an array of objects
enum class FieldType {
    Text,
    Multiline,
    Integer,
    Decimal,
    Money,
    Date,
    Boolean,
    Choice,
    MultiChoice,
    Email,
    Phone,
    Postcode,
    Iban,
    KfzKennzeichen,
    District,
    DocumentRef,
    Group,
};

// The names in definition files: "text", "multiline", "integer", "decimal", "money", "date", "boolean",
// "choice", "multiChoice", "email", "phone", "postcode", "iban", "kfzKennzeichen", "district",
// "documentRef", "group".
QString fieldTypeToString(FieldType type);
bool fieldTypeFromString(const QString &text, FieldType *type);

// Types whose values are JSON strings (the ones with length limits and trimming).
bool isStringType(FieldType type);
// Types that take a code list (Choice, MultiChoice; District has its own built-in list).
bool usesCodeList(FieldType type);

} // namespace casedesk::forms
