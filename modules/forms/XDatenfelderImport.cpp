#include "forms/XDatenfelderImport.h"

#include "forms/Decimal.h"
#include "forms/FormDefinition.h"
#include "forms/FormsLog.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <climits>
#include <deque>

namespace casedesk::forms {

namespace {

const QLatin1String namespace2("urn:xoev-de:fim:standard:xdatenfelder_2");
const QLatin1String namespace3("urn:xoev-de:fim:standard:xdatenfelder_3.0.0");

// A light element tree: XDatenfelder files are small, and checking structure is simpler on a tree.
struct Element {
    QString name; // local name
    QString namespaceUri;
    QString text; // direct text content, trimmed
    QXmlStreamAttributes attributes;
    qint64 line = 0;
    std::deque<Element> children;

    const Element *child(QLatin1String childName) const
    {
        for (const Element &element : children) {
            if (element.name == childName)
                return &element;
        }
        return nullptr;
    }
    QString childText(QLatin1String childName) const
    {
        const Element *element = child(childName);
        return element ? element->text : QString();
    }
    // The value of a code element (<xdf:status><code>aktiv</code></xdf:status>).
    QString code() const { return childText(QLatin1String("code")); }
};

struct ChildRule {
    const char *name;
    int min;
    int max; // -1: any number
};

// Children of the elements the import interprets. Elements listed with max 1 may appear once; anything not
// listed is refused, so a file that does not follow the standard is not half-imported.
const ChildRule identifikationRules[] = {{"id", 1, 1}, {"version", 0, 1}};
const ChildRule strukturRules[] = {{"anzahl", 1, 1}, {"bezug", 0, -1}, {"enthaelt", 1, 1}};
const ChildRule enthaeltRules[] = {{"datenfeld", 0, 1}, {"datenfeldgruppe", 0, 1}};
// Metadata shared by stammdatenschema, datenfeldgruppe and datenfeld (2.0 and 3.0 together).
const ChildRule elementRules[] = {
    {"identifikation", 1, 1},
    {"name", 1, 1},
    {"bezeichnungEingabe", 0, 1},
    {"bezeichnungAusgabe", 0, 1},
    {"beschreibung", 0, 1},
    {"definition", 0, 1},
    {"bezug", 0, -1},
    {"status", 0, 1},
    {"freigabestatus", 0, 1},
    {"statusGesetztAm", 0, 1},
    {"statusGesetztDurch", 0, 1},
    {"versionshinweis", 0, 1},
    {"gueltigAb", 0, 1},
    {"gueltigBis", 0, 1},
    {"fachlicherErsteller", 0, 1},
    {"freigabedatum", 0, 1},
    {"veroeffentlichungsdatum", 0, 1},
    {"letzteAenderung", 0, 1},
    {"schemaelementart", 0, 1},
    {"hilfetextEingabe", 0, 1},
    {"hilfetextAusgabe", 0, 1},
    {"hilfetext", 0, 1},
    {"ableitungsmodifikationenStruktur", 0, 1},
    {"ableitungsmodifikationenRepraesentation", 0, 1},
    {"dokumentsteckbrief", 0, 1},
    {"stichwort", 0, -1},
    {"relation", 0, -1},
    {"regel", 0, -1},
    {"struktur", 0, -1},
    // datenfeld only
    {"feldart", 0, 1},
    {"datentyp", 0, 1},
    {"praezisierung", 0, 1},
    {"inhalt", 0, -1},
    {"vorbefuellung", 0, 1},
    {"codelisteReferenz", 0, 1},
    {"werte", 0, 1},
    {"codeKey", 0, 1},
    {"nameKey", 0, 1},
    {"helpKey", 0, 1},
    {"maxSize", 0, 1},
    {"mediaType", 0, -1},
};

class Importer {
public:
    XDatenfelderImport::Output output;

    Result<XDatenfelderImport::Output> run(const QByteArray &xml)
    {
        if (xml.size() > XDatenfelderImport::MaxBytes)
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate(
                                 "Forms", "The XDatenfelder file is larger than %1 MB; it cannot be imported.")
                                 .arg(XDatenfelderImport::MaxBytes / (1024 * 1024)));
        Element root;
        if (std::optional<Error> error = parse(xml, root))
            return *error;
        if (std::optional<Error> error = convertRoot(root))
            return *error;
        const Result<FormDefinition> check = FormDefinition::fromJson(output.definition);
        if (!check)
            return makeError(ErrorCode::Internal,
                             QCoreApplication::translate("Forms", "The imported form definition is not valid: %1")
                                 .arg(check.error().message));
        qCDebug(lcForms) << "XDatenfelder" << m_version << "import of" << check->id() << "with"
                         << output.warnings.size() << "warnings";
        return output;
    }

private:
    QString m_version; // "2.0" or "3.0"
    std::optional<Error> m_error;
    QHash<QString, QJsonValue> m_codeLists;

    static QString qualified(const Element &element) { return QStringLiteral("xdf:") + element.name; }

    void fail(const Element &element, const QString &message)
    {
        if (!m_error)
            m_error = makeError(ErrorCode::Invalid,
                                QCoreApplication::translate(
                                    "Forms", "The XDatenfelder file cannot be imported: %1 (element “%2”, line %3).")
                                    .arg(message, qualified(element))
                                    .arg(element.line));
    }

    std::optional<Error> parse(const QByteArray &xml, Element &root)
    {
        QXmlStreamReader reader(xml);
        QList<Element *> stack;
        int count = 0;
        while (!reader.atEnd()) {
            switch (reader.readNext()) {
            case QXmlStreamReader::DTD:
                // XDatenfelder never declares a DTD; refusing it keeps entity tricks out.
                return makeError(ErrorCode::Invalid,
                                 QCoreApplication::translate(
                                     "Forms",
                                     "The XDatenfelder file cannot be imported: it declares a DTD (line %1), which "
                                     "XDatenfelder files never do.")
                                     .arg(reader.lineNumber()));
            case QXmlStreamReader::StartElement: {
                if (++count > XDatenfelderImport::MaxElements || stack.size() >= XDatenfelderImport::MaxDepth)
                    return makeError(ErrorCode::Invalid,
                                     QCoreApplication::translate(
                                         "Forms",
                                         "The XDatenfelder file cannot be imported: it is too large or nested too "
                                         "deeply (line %1).")
                                         .arg(reader.lineNumber()));
                Element *element = stack.isEmpty() ? &root : &stack.last()->children.emplace_back();
                element->name = reader.name().toString();
                element->namespaceUri = reader.namespaceUri().toString();
                element->attributes = reader.attributes();
                element->line = reader.lineNumber();
                stack.append(element);
                break;
            }
            case QXmlStreamReader::EndElement:
                stack.last()->text = stack.last()->text.trimmed();
                stack.removeLast();
                break;
            case QXmlStreamReader::Characters:
                if (!stack.isEmpty())
                    stack.last()->text += reader.text();
                break;
            default:
                break;
            }
        }
        if (reader.hasError())
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate(
                                 "Forms", "The XDatenfelder file is not well-formed XML: %1 (line %2, column %3).")
                                 .arg(reader.errorString())
                                 .arg(reader.lineNumber())
                                 .arg(reader.columnNumber()));
        return std::nullopt;
    }

    template <std::size_t N> bool checkChildren(const Element &element, const ChildRule (&rules)[N])
    {
        QHash<QString, int> counts;
        for (const Element &child : element.children) {
            if (child.namespaceUri != element.namespaceUri) {
                fail(child, QCoreApplication::translate("Forms", "the element is not in the XDatenfelder namespace"));
                return false;
            }
            const ChildRule *rule = nullptr;
            for (const ChildRule &candidate : rules) {
                if (child.name == QLatin1String(candidate.name))
                    rule = &candidate;
            }
            if (!rule) {
                fail(child, QCoreApplication::translate("Forms", "“%1” does not belong inside “%2” in XDatenfelder %3")
                                .arg(qualified(child), qualified(element), m_version));
                return false;
            }
            if (++counts[child.name] > rule->max && rule->max >= 0) {
                fail(child, QCoreApplication::translate("Forms", "“%1” appears more than once inside “%2”")
                                .arg(qualified(child), qualified(element)));
                return false;
            }
        }
        for (const ChildRule &rule : rules) {
            if (counts.value(QLatin1String(rule.name)) < rule.min) {
                fail(element,
                     QCoreApplication::translate("Forms", "“xdf:%1” is missing").arg(QLatin1String(rule.name)));
                return false;
            }
        }
        return true;
    }

    std::optional<Error> convertRoot(const Element &root)
    {
        if (root.namespaceUri == namespace2)
            m_version = QStringLiteral("2.0");
        else if (root.namespaceUri == namespace3)
            m_version = QStringLiteral("3.0");
        else
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate(
                                 "Forms",
                                 "The file is not an XDatenfelder 2.0 or 3.0 message: the root element “%1” has the "
                                 "namespace “%2” (line %3); expected %4 or %5.")
                                 .arg(root.name, root.namespaceUri)
                                 .arg(root.line)
                                 .arg(namespace2, namespace3));
        QLatin1String content;
        if (root.name == QLatin1String("xdatenfelder.stammdatenschema.0102"))
            content = QLatin1String("stammdatenschema");
        else if (root.name == QLatin1String("xdatenfelder.datenfeldgruppe.0103"))
            content = QLatin1String("datenfeldgruppe");
        else
            return makeError(ErrorCode::Invalid,
                             QCoreApplication::translate(
                                 "Forms",
                                 "The file is not an XDatenfelder schema or data group message: the root element is "
                                 "“%1” (line %2); expected xdatenfelder.stammdatenschema.0102 or "
                                 "xdatenfelder.datenfeldgruppe.0103.")
                                 .arg(root.name)
                                 .arg(root.line));
        const ChildRule rootRules[] = {{"header", 1, 1}, {content.data(), 1, 1}};
        if (!checkChildren(root, rootRules))
            return m_error;
        const Element &form = *root.child(content);
        if (!checkElement(form))
            return m_error;

        QJsonObject definition;
        definition.insert(QLatin1String("id"), definitionId(identifikation(form).first));
        definition.insert(QLatin1String("version"), majorVersion(identifikation(form).second));
        definition.insert(QLatin1String("title"), germanText(label(form)));
        if (const QString description = form.childText(QLatin1String("beschreibung")); !description.isEmpty())
            definition.insert(QLatin1String("description"), germanText(description));
        definition.insert(QLatin1String("source"),
                          QJsonObject{{QLatin1String("standard"), QStringLiteral("XDatenfelder ") + m_version},
                                      {QLatin1String("id"), identifikation(form).first},
                                      {QLatin1String("version"), identifikation(form).second},
                                      {QLatin1String("name"), form.childText(QLatin1String("name"))}});
        warnRules(form);
        const QJsonArray fields = structure(form, 0);
        if (m_error)
            return m_error;
        if (fields.isEmpty())
            output.warnings.append(
                QCoreApplication::translate("Forms", "“%1” contains no data fields; the form is empty.")
                    .arg(label(form)));
        definition.insert(QLatin1String("fields"), fields);
        if (!m_codeLists.isEmpty()) {
            QJsonObject lists;
            for (auto it = m_codeLists.begin(); it != m_codeLists.end(); ++it)
                lists.insert(it.key(), it.value());
            definition.insert(QLatin1String("codeLists"), lists);
        }
        output.definition = definition;
        return std::nullopt;
    }

    QPair<QString, QString> identifikation(const Element &element) const
    {
        const Element *id = element.child(QLatin1String("identifikation"));
        return {id ? id->childText(QLatin1String("id")) : QString(),
                id ? id->childText(QLatin1String("version")) : QString()};
    }

    static QString label(const Element &element)
    {
        const QString input = element.childText(QLatin1String("bezeichnungEingabe"));
        return (input.isEmpty() ? element.childText(QLatin1String("name")) : input).simplified();
    }

    static QJsonObject germanText(const QString &text) { return QJsonObject{{QLatin1String("de"), text}}; }

    static QString definitionId(const QString &fimId)
    {
        static const QRegularExpression pattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_.-]{0,63}$"));
        return pattern.match(fimId).hasMatch() ? fimId : QStringLiteral("xdf-imported");
    }

    static int majorVersion(const QString &version)
    {
        const int major = version.section(u'.', 0, 0).toInt();
        return major >= 1 ? major : 1;
    }

    // Checks the parts of a schema, group or field every later step relies on.
    bool checkElement(const Element &element)
    {
        if (!checkChildren(element, elementRules))
            return false;
        const Element &identifikationElement = *element.child(QLatin1String("identifikation"));
        if (!checkChildren(identifikationElement, identifikationRules))
            return false;
        if (identifikationElement.childText(QLatin1String("id")).isEmpty()) {
            fail(*identifikationElement.child(QLatin1String("id")),
                 QCoreApplication::translate("Forms", "the id is empty"));
            return false;
        }
        if (element.childText(QLatin1String("name")).isEmpty()) {
            fail(*element.child(QLatin1String("name")), QCoreApplication::translate("Forms", "the name is empty"));
            return false;
        }
        if (const Element *status = element.child(QLatin1String("status"))) {
            static const QStringList known{QStringLiteral("aktiv"), QStringLiteral("inaktiv"),
                                           QStringLiteral("vorgesehen")};
            if (!known.contains(status->code())) {
                fail(*status,
                     QCoreApplication::translate("Forms", "the status “%1” is not one of aktiv, inaktiv, vorgesehen")
                         .arg(status->code()));
                return false;
            }
        }
        if (const Element *status = element.child(QLatin1String("freigabestatus"))) {
            bool ok = false;
            const int code = status->code().toInt(&ok);
            if (!ok || code < 1 || code > 8) {
                fail(*status, QCoreApplication::translate("Forms", "the freigabestatus “%1” is not a code from 1 to 8")
                                  .arg(status->code()));
                return false;
            }
        }
        return true;
    }

    void warnRules(const Element &element)
    {
        for (const Element &rule : element.children) {
            if (rule.name != QLatin1String("regel"))
                continue;
            const QString text = rule.childText(QLatin1String("freitextRegel")).simplified();
            const QString script = rule.childText(QLatin1String("script")) + rule.childText(QLatin1String("skript"));
            const QString id = identifikation(rule).first;
            output.warnings.append(
                QCoreApplication::translate(
                    "Forms",
                    "Rule %1 “%2” on “%3” (line %4) was not imported: XDatenfelder rules are free text or scripts. %5 "
                    "Add it to the definition's rules by hand if it is needed.")
                    .arg(id.isEmpty() ? QStringLiteral("?") : id, rule.childText(QLatin1String("name")).simplified(),
                         label(element))
                    .arg(rule.line)
                    .arg(!text.isEmpty() ? QCoreApplication::translate("Forms", "Rule text: %1").arg(text)
                                         : (!script.isEmpty() ? QCoreApplication::translate("Forms", "It has a script.")
                                                              : QString())));
        }
    }

    // The fields of a schema or group: its struktur elements in order.
    QJsonArray structure(const Element &parent, int depth)
    {
        QJsonArray fields;
        QSet<QString> ids;
        if (depth >= FormDefinition::MaxNesting) {
            fail(parent, QCoreApplication::translate("Forms", "groups are nested more than %1 levels deep")
                             .arg(FormDefinition::MaxNesting));
            return fields;
        }
        for (const Element &struktur : parent.children) {
            if (struktur.name != QLatin1String("struktur") || m_error)
                continue;
            if (!checkChildren(struktur, strukturRules))
                return fields;
            const Element &enthaelt = *struktur.child(QLatin1String("enthaelt"));
            if (!checkChildren(enthaelt, enthaeltRules))
                return fields;
            if (enthaelt.children.size() != 1) {
                fail(enthaelt, QCoreApplication::translate(
                                   "Forms", "“xdf:enthaelt” must hold exactly one datenfeld or datenfeldgruppe"));
                return fields;
            }
            const Element &item = enthaelt.children.front();
            const Element &anzahl = *struktur.child(QLatin1String("anzahl"));
            static const QRegularExpression cardinality(QStringLiteral("^(\\d{1,4}):(\\d{1,4}|\\*)$"));
            const QRegularExpressionMatch match = cardinality.match(anzahl.text);
            const int min = match.captured(1).toInt();
            const int max = match.captured(2) == QLatin1String("*") ? -1 : match.captured(2).toInt();
            if (!match.hasMatch() || (max >= 0 && (max < min || max == 0))) {
                fail(anzahl, QCoreApplication::translate("Forms",
                                                         "the number “%1” is not of the form min:max (like 0:1 or 1:*)")
                                 .arg(anzahl.text));
                return fields;
            }
            if (!checkElement(item))
                return fields;
            warnRules(item);
            QJsonObject field = item.name == QLatin1String("datenfeld") ? dataField(item) : dataGroup(item, depth);
            if (m_error || field.isEmpty())
                continue;
            const QString id = uniqueId(fieldId(item), ids);
            field.insert(QLatin1String("id"), id);
            field = withCardinality(field, min, max, item);
            fields.append(field);
        }
        return fields;
    }

    // "Straße der Einheit" -> "strasseDerEinheit": readable ids for the data, unique within the group.
    static QString fieldId(const Element &element)
    {
        QString name = element.childText(QLatin1String("name"));
        name.replace(QStringLiteral("ä"), QStringLiteral("ae"))
            .replace(QStringLiteral("ö"), QStringLiteral("oe"))
            .replace(QStringLiteral("ü"), QStringLiteral("ue"))
            .replace(QStringLiteral("Ä"), QStringLiteral("Ae"))
            .replace(QStringLiteral("Ö"), QStringLiteral("Oe"))
            .replace(QStringLiteral("Ü"), QStringLiteral("Ue"))
            .replace(QStringLiteral("ß"), QStringLiteral("ss"));
        QString id;
        bool upperNext = false;
        for (QChar c : name) {
            if (c.unicode() < 128 && c.isLetterOrNumber()) {
                if (id.isEmpty() && c.isDigit())
                    id += u'f';
                id += id.isEmpty() ? c.toLower() : (upperNext ? c.toUpper() : c);
                upperNext = false;
            } else {
                upperNext = true;
            }
        }
        id.truncate(48);
        return id.isEmpty() ? fallbackId(element).toLower() : id;
    }

    static QString fallbackId(const Element &element)
    {
        const Element *id = element.child(QLatin1String("identifikation"));
        const QString text = id ? id->childText(QLatin1String("id")) : QString();
        return text.isEmpty() || !text.at(0).isLetter() ? QStringLiteral("field") : text;
    }

    static QString uniqueId(const QString &id, QSet<QString> &ids)
    {
        QString unique = id;
        for (int n = 2; ids.contains(unique); ++n)
            unique = id + QString::number(n);
        ids.insert(unique);
        return unique;
    }

    QJsonObject withCardinality(QJsonObject field, int min, int max, const Element &item)
    {
        if (max == 1) {
            if (min >= 1)
                field.insert(QLatin1String("required"), true);
            return field;
        }
        const int maxCount = max < 0 || max > FormDefinition::MaxRows ? FormDefinition::MaxRows : max;
        if (max > FormDefinition::MaxRows)
            output.warnings.append(
                QCoreApplication::translate("Forms",
                                            "“%1” (line %2) may repeat %3 times; CaseDesk allows at most %4 entries.")
                    .arg(label(item))
                    .arg(item.line)
                    .arg(max)
                    .arg(FormDefinition::MaxRows));
        QJsonObject group;
        if (field.value(QLatin1String("type")).toString() == QLatin1String("group")) {
            group = field;
        } else {
            // A repeated data field becomes a repeatable group with the field as its only column.
            QJsonObject value = field;
            value.insert(QLatin1String("id"), QStringLiteral("value"));
            group = QJsonObject{{QLatin1String("id"), field.value(QLatin1String("id"))},
                                {QLatin1String("type"), QStringLiteral("group")},
                                {QLatin1String("label"), field.value(QLatin1String("label"))},
                                {QLatin1String("fields"), QJsonArray{value}}};
            if (field.contains(QLatin1String("help")))
                group.insert(QLatin1String("help"), field.value(QLatin1String("help")));
        }
        group.insert(QLatin1String("repeatable"), true);
        group.insert(QLatin1String("minCount"), std::min(min, maxCount));
        group.insert(QLatin1String("maxCount"), maxCount);
        return group;
    }

    QJsonObject common(const Element &element, const QString &type)
    {
        QJsonObject field{{QLatin1String("type"), type}, {QLatin1String("label"), germanText(label(element))}};
        const QString help = element.childText(QLatin1String("hilfetextEingabe")).simplified();
        if (!help.isEmpty())
            field.insert(QLatin1String("help"), germanText(help));
        const auto [id, version] = identifikation(element);
        field.insert(QLatin1String("source"), (id + u' ' + version).trimmed().left(200));
        return field;
    }

    QJsonObject dataGroup(const Element &element, int depth)
    {
        QJsonObject group = common(element, QStringLiteral("group"));
        const QJsonArray fields = structure(element, depth + 1);
        if (fields.isEmpty()) {
            if (!m_error)
                output.warnings.append(QCoreApplication::translate(
                                           "Forms", "The data group “%1” (line %2) has no fields and was left out.")
                                           .arg(label(element))
                                           .arg(element.line));
            return {};
        }
        group.insert(QLatin1String("fields"), fields);
        return group;
    }

    QJsonObject dataField(const Element &element)
    {
        const Element *feldartElement = element.child(QLatin1String("feldart"));
        const Element *datentypElement = element.child(QLatin1String("datentyp"));
        const QString feldart = feldartElement ? feldartElement->code() : QStringLiteral("input");
        const QString datentyp = datentypElement ? datentypElement->code() : QStringLiteral("text");
        static const QStringList feldarten{QStringLiteral("input"), QStringLiteral("select"), QStringLiteral("label"),
                                           QStringLiteral("hidden"), QStringLiteral("locked")};
        if (!feldarten.contains(feldart)) {
            fail(feldartElement ? *feldartElement : element,
                 QCoreApplication::translate("Forms",
                                             "the feldart “%1” is not one of input, select, label, hidden, locked")
                     .arg(feldart));
            return {};
        }
        static const QHash<QString, QString> types{
            {QStringLiteral("text"), QStringLiteral("text")},
            {QStringLiteral("text_latin"), QStringLiteral("text")},
            {QStringLiteral("date"), QStringLiteral("date")},
            {QStringLiteral("bool"), QStringLiteral("boolean")},
            {QStringLiteral("num"), QStringLiteral("decimal")},
            {QStringLiteral("num_int"), QStringLiteral("integer")},
            {QStringLiteral("num_currency"), QStringLiteral("money")},
            {QStringLiteral("file"), QStringLiteral("documentRef")},
            {QStringLiteral("obj"), QStringLiteral("documentRef")},
            {QStringLiteral("datetime"), QStringLiteral("text")},
            {QStringLiteral("time"), QStringLiteral("text")},
        };
        if (!types.contains(datentyp)) {
            fail(datentypElement ? *datentypElement : element,
                 QCoreApplication::translate("Forms", "the datentyp “%1” is not an XDatenfelder data type")
                     .arg(datentyp));
            return {};
        }
        if (feldart == QLatin1String("label")) {
            output.warnings.append(QCoreApplication::translate(
                                       "Forms",
                                       "The static text “%1” (line %2) is not a data field and was left out; add it "
                                       "to a help text if it is needed.")
                                       .arg(label(element))
                                       .arg(element.line));
            return {};
        }
        QString type = types.value(datentyp);
        if (datentyp == QLatin1String("datetime") || datentyp == QLatin1String("time"))
            output.warnings.append(
                QCoreApplication::translate("Forms", "“%1” (line %2) holds a %3; it is imported as text.")
                    .arg(label(element))
                    .arg(element.line)
                    .arg(datentyp));
        if (feldart == QLatin1String("hidden") || feldart == QLatin1String("locked"))
            output.warnings.append(
                QCoreApplication::translate("Forms",
                                            "“%1” (line %2) is a %3 field in XDatenfelder; it is imported as a normal "
                                            "field.")
                    .arg(label(element))
                    .arg(element.line)
                    .arg(feldart));
        QJsonObject field;
        if (feldart == QLatin1String("select")) {
            const QJsonValue list = codeList(element);
            if (list.isUndefined()) {
                output.warnings.append(
                    QCoreApplication::translate("Forms",
                                                "The selection “%1” (line %2) names no code list; it is imported as "
                                                "free text.")
                        .arg(label(element))
                        .arg(element.line));
                type = QStringLiteral("text");
            } else {
                type = QStringLiteral("choice");
            }
            field = common(element, type);
            if (!list.isUndefined())
                field.insert(QLatin1String("codeList"), list);
        } else {
            field = common(element, type);
        }
        applyPrecision(element, field);
        return field;
    }

    QJsonValue codeList(const Element &element)
    {
        if (const Element *werte = element.child(QLatin1String("werte"))) {
            QJsonArray entries;
            QSet<QString> codes;
            for (const Element &wert : werte->children) {
                const QString code = wert.childText(QLatin1String("code"));
                if (wert.name != QLatin1String("wert") || code.isEmpty() || codes.contains(code)) {
                    fail(wert, QCoreApplication::translate("Forms", "a value of the list needs a code of its own"));
                    return QJsonValue(QJsonValue::Undefined);
                }
                codes.insert(code);
                const QString name = wert.childText(QLatin1String("name")).simplified();
                entries.append(QJsonObject{{QLatin1String("code"), code.left(200)},
                                           {QLatin1String("label"), germanText(name.isEmpty() ? code : name)}});
            }
            if (!entries.isEmpty())
                return entries;
        }
        const Element *reference = element.child(QLatin1String("codelisteReferenz"));
        if (!reference)
            return QJsonValue(QJsonValue::Undefined);
        QString uri;
        if (const Element *generic = reference->child(QLatin1String("genericodeIdentification"))) {
            uri = generic->childText(QLatin1String("canonicalVersionUri"));
            if (uri.isEmpty())
                uri = generic->childText(QLatin1String("canonicalIdentification"));
        }
        if (uri.isEmpty())
            uri = reference->childText(QLatin1String("canonicalVersionUri"));
        if (uri.isEmpty())
            uri = reference->childText(QLatin1String("canonicalUri"));
        const QString listId = identifikation(*reference).first;
        if (uri.isEmpty())
            uri = listId;
        if (uri.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        QString name = QStringLiteral("list") + QString::number(m_codeLists.size() + 1);
        static const QRegularExpression identifier(QStringLiteral("^[A-Za-z][A-Za-z0-9_]{0,63}$"));
        if (identifier.match(listId).hasMatch() && !m_codeLists.contains(listId))
            name = listId;
        for (auto it = m_codeLists.begin(); it != m_codeLists.end(); ++it) {
            if (it.value().toObject().value(QLatin1String("external")).toString() == uri)
                return it.key();
        }
        m_codeLists.insert(name, QJsonObject{{QLatin1String("external"), uri.left(500)}});
        output.warnings.append(QCoreApplication::translate(
                                   "Forms",
                                   "The code list %1 used by “%2” (line %3) is referenced, not included: values are "
                                   "not checked against it until its entries are added to the definition.")
                                   .arg(uri, label(element))
                                   .arg(reference->line));
        return name;
    }

    // praezisierung: 2.0 writes JSON text, 3.0 attributes.
    void applyPrecision(const Element &element, QJsonObject &field)
    {
        const Element *precision = element.child(QLatin1String("praezisierung"));
        if (!precision)
            return;
        QHash<QString, QString> values;
        for (const QXmlStreamAttribute &attribute : precision->attributes)
            values.insert(attribute.name().toString(), attribute.value().toString());
        if (!precision->text.isEmpty() && precision->text.startsWith(u'{')) {
            const QJsonObject json = QJsonDocument::fromJson(precision->text.toUtf8()).object();
            for (auto it = json.begin(); it != json.end(); ++it)
                values.insert(it.key(), it.value().isString() ? it.value().toString()
                                                              : QString::number(it.value().toDouble(), 'g', 17));
        }
        const QString type = field.value(QLatin1String("type")).toString();
        const bool isText = type == QLatin1String("text");
        QStringList ignored;
        for (auto it = values.begin(); it != values.end(); ++it) {
            const QString &key = it.key();
            const QString &value = it.value();
            bool used = false;
            if (isText && (key == QLatin1String("minLength") || key == QLatin1String("maxLength"))) {
                bool ok = false;
                const int length = value.toInt(&ok);
                used = ok && length >= (key == QLatin1String("maxLength") ? 1 : 0) &&
                       length <= FormDefinition::MaxStringLength;
                if (used && length > 0)
                    field.insert(key, length);
            } else if (isText && key == QLatin1String("pattern")) {
                const QRegularExpression regex(QRegularExpression::anchoredPattern(value));
                used = regex.isValid() && value.size() <= FormDefinition::MaxPatternLength;
                if (used)
                    field.insert(key, value);
            } else if (key == QLatin1String("minValue") || key == QLatin1String("maxValue")) {
                used = applyValueLimit(field, type, key == QLatin1String("minValue") ? "min" : "max", value);
            }
            if (!used)
                ignored.append(key + u'=' + value);
        }
        if (field.contains(QLatin1String("pattern")) &&
            field.value(QLatin1String("maxLength")).toInt(FormDefinition::MaxPatternInput + 1) >
                FormDefinition::MaxPatternInput)
            field.insert(QLatin1String("maxLength"), FormDefinition::MaxPatternInput);
        if (field.value(QLatin1String("minLength")).toInt() > field.value(QLatin1String("maxLength")).toInt(INT_MAX)) {
            ignored.append(QStringLiteral("minLength=") +
                           QString::number(field.value(QLatin1String("minLength")).toInt()));
            field.remove(QLatin1String("minLength"));
        }
        if (!ignored.isEmpty()) {
            ignored.sort();
            output.warnings.append(QCoreApplication::translate(
                                       "Forms",
                                       "Limits of “%1” (line %2) that do not apply to a %3 field were not imported: "
                                       "%4.")
                                       .arg(label(element))
                                       .arg(precision->line)
                                       .arg(type, ignored.join(QStringLiteral(", "))));
        }
    }

    static bool applyValueLimit(QJsonObject &field, const QString &type, const char *key, const QString &value)
    {
        const std::optional<Decimal> number = Decimal::parse(value.trimmed());
        if (type == QLatin1String("decimal") && number) {
            field.insert(QLatin1String(key), number->toString());
            return true;
        }
        if (type == QLatin1String("integer") && number && number->fractionDigits() == 0 &&
            number->toString().size() <= 15) {
            field.insert(QLatin1String(key), number->toString().toDouble());
            return true;
        }
        if (type == QLatin1String("money") && number && number->fractionDigits() <= 2 &&
            number->toString().size() <= 15) {
            // Euros with up to two decimals -> cents, exactly.
            QString digits = number->toString();
            const qsizetype point = digits.indexOf(u'.');
            const int fraction = point < 0 ? 0 : int(digits.size() - point - 1);
            digits.remove(u'.');
            digits += QString(2 - fraction, u'0');
            field.insert(QLatin1String(key), digits.toDouble());
            return true;
        }
        if (type == QLatin1String("date")) {
            static const QRegularExpression isoDate(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
            if (isoDate.match(value.trimmed()).hasMatch() &&
                QDate::fromString(value.trimmed(), Qt::ISODate).isValid()) {
                field.insert(QLatin1String(key), value.trimmed());
                return true;
            }
        }
        return false;
    }
};

} // namespace

Result<XDatenfelderImport::Output> XDatenfelderImport::convert(const QByteArray &xml)
{
    Importer importer;
    return importer.run(xml);
}

} // namespace casedesk::forms
