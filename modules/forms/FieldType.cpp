#include "forms/FieldType.h"

#include "core/JsonFields.h"

namespace casedesk::forms {

namespace {

const json::EnumKey<FieldType> fieldTypeKeys[] = {
    {FieldType::Text, "text"},
    {FieldType::Multiline, "multiline"},
    {FieldType::Integer, "integer"},
    {FieldType::Decimal, "decimal"},
    {FieldType::Money, "money"},
    {FieldType::Date, "date"},
    {FieldType::Boolean, "boolean"},
    {FieldType::Choice, "choice"},
    {FieldType::MultiChoice, "multiChoice"},
    {FieldType::Email, "email"},
    {FieldType::Phone, "phone"},
    {FieldType::Postcode, "postcode"},
    {FieldType::Iban, "iban"},
    {FieldType::KfzKennzeichen, "kfzKennzeichen"},
    {FieldType::District, "district"},
    {FieldType::DocumentRef, "documentRef"},
    {FieldType::Group, "group"},
};

} // namespace

QString fieldTypeToString(FieldType type)
{
    return json::enumToString(fieldTypeKeys, type);
}

bool fieldTypeFromString(const QString &text, FieldType *type)
{
    return json::enumFromString(fieldTypeKeys, text, type);
}

bool isStringType(FieldType type)
{
    switch (type) {
    case FieldType::Text:
    case FieldType::Multiline:
    case FieldType::Email:
    case FieldType::Phone:
    case FieldType::Postcode:
    case FieldType::Iban:
    case FieldType::KfzKennzeichen:
    case FieldType::Choice:
    case FieldType::District:
    case FieldType::DocumentRef:
    case FieldType::Date:
    case FieldType::Decimal:
        return true;
    case FieldType::Integer:
    case FieldType::Money:
    case FieldType::Boolean:
    case FieldType::MultiChoice:
    case FieldType::Group:
        return false;
    }
    return false;
}

bool usesCodeList(FieldType type)
{
    return type == FieldType::Choice || type == FieldType::MultiChoice;
}

} // namespace casedesk::forms
