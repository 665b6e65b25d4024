// Reads BPMN 2.0 XML into a validated ProcessModel, or gives every problem found (never a half-loaded
// model). Pure: the caller reads the file. What the subset contains is described in ProcessModel.h and in
// the issue; anything else that would change how a case runs is refused by element name, id and line.
#pragma once

#include "workflow/ProcessModel.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace casedesk::workflow {

struct ModelProblem {
    QString elementId; // empty when the problem concerns the whole file
    int line = 0;      // 0 when unknown
    QString message;   // translated; says what to change

    QString toString() const; // "line 12, Task_Check: message"
    bool operator==(const ModelProblem &) const = default;
};

struct ParsedModel {
    ProcessModel model; // null whenever problems is not empty
    QList<ModelProblem> problems;

    bool ok() const { return !model.isNull(); }
};

class ProcessParser {
public:
    // Larger models are refused before any parsing: real process models are a few hundred kilobytes at most.
    static constexpr qsizetype MaxSize = 2 * 1024 * 1024;

    static ParsedModel parse(const QByteArray &bpmn);
};

} // namespace casedesk::workflow
